import Atomics
import Foundation

/// The temporary files being written right now, so that a signal which ends the process
/// (SIGINT, SIGTERM, SIGHUP) removes them first instead of leaving hidden files of up to the
/// size of the output behind. `AtomicFileWriter` registers each temp file before creating it and
/// removes the entry after the rename; the handler unlinks every registered path, then exits with
/// the conventional status 128 + signal (130, 143, 129).
///
/// Why a plain signal handler and not a signal-handling thread or a DispatchSource: both of those
/// need the signals blocked in every thread before any thread starts (the Swift runtime and
/// Dispatch start theirs early, and libedit installs and restores its own handlers around each
/// line it reads), and if the handling thread were late the process would still die with the temp
/// file in place. So the registry is made for a handler instead: a fixed block of memory allocated
/// when the handlers are installed, slots claimed with atomic compare-and-exchange, and a handler
/// that only does atomic loads, `unlink` and `_exit` (all async-signal-safe: no allocation, no
/// lock, no reference counting). The kernel delivers a signal sent to the process to its main
/// thread, which is the thread that writes outputs, so the writer is paused while its file goes.
public enum InterruptedWrites {
    static let capacity = 16
    /// PATH_MAX with its terminating zero; a longer path cannot be opened anyway.
    static let pathBytes = 4_096

    private enum Slot: Int {
        case free = 0
        /// Being filled in or emptied: the handler skips it (its file does not exist yet, or is gone).
        case busy = 1
        case registered = 2
    }

    nonisolated(unsafe) private static let states: UnsafeMutablePointer<UnsafeAtomic<Int>.Storage> = {
        let pointer = UnsafeMutablePointer<UnsafeAtomic<Int>.Storage>.allocate(capacity: capacity)
        for slot in 0..<capacity { (pointer + slot).initialize(to: .init(Slot.free.rawValue)) }
        return pointer
    }()

    nonisolated(unsafe) private static let paths: UnsafeMutablePointer<CChar> = {
        let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathBytes)
        pointer.initialize(repeating: 0, count: capacity * pathBytes)
        return pointer
    }()

    private static func state(_ slot: Int) -> UnsafeAtomic<Int> { UnsafeAtomic(at: states + slot) }

    /// A registered temp file; `nil` when every slot is taken or the path is too long (the write
    /// still happens, only an interrupt could then leave its temp file behind).
    public struct Token: Sendable {
        fileprivate let slot: Int
    }

    /// Call before creating the file, so that no moment exists where it is on disk unregistered.
    public static func register(_ path: String) -> Token? {
        let bytes = Array(path.utf8)
        guard bytes.count < pathBytes, !bytes.contains(0) else { return nil }
        for slot in 0..<capacity {
            guard state(slot).compareExchange(expected: Slot.free.rawValue, desired: Slot.busy.rawValue,
                                              ordering: .acquiring).exchanged else { continue }
            let start = paths + slot * pathBytes
            bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { start.update(from: $0.baseAddress!, count: bytes.count) }
            }
            start[bytes.count] = 0
            state(slot).store(Slot.registered.rawValue, ordering: .releasing)
            return Token(slot: slot)
        }
        return nil
    }

    /// Call once the temp file is gone: renamed over the target, or removed after a failure.
    public static func unregister(_ token: Token?) {
        guard let token else { return }
        state(token.slot).store(Slot.busy.rawValue, ordering: .sequentiallyConsistent)
        paths[token.slot * pathBytes] = 0
        state(token.slot).store(Slot.free.rawValue, ordering: .releasing)
    }

    /// The temp files registered now (for tests).
    public static var registeredPaths: [String] {
        (0..<capacity).compactMap { slot in
            state(slot).load(ordering: .acquiring) == Slot.registered.rawValue ? String(cString: paths + slot * pathBytes) : nil
        }
    }

    /// Unlinks every registered temp file. Async-signal-safe: atomic loads and `unlink` only.
    static func removeRegisteredFiles() {
        for slot in 0..<capacity where state(slot).load(ordering: .acquiring) == Slot.registered.rawValue {
            unlink(paths + slot * pathBytes)
        }
    }

    /// Makes each of `signals` remove the temp files being written, then end the process with
    /// status 128 + signal. `mlm run` takes SIGINT, SIGTERM and SIGHUP this way; the REPL keeps
    /// SIGINT for `Cancellation` (stop the step, keep the session) and takes the other two.
    /// A signal the process was started with ignored stays ignored (`nohup mlm run ...` keeps
    /// running after a hangup; a background job of a script ignores Ctrl-C), and one it was
    /// started with blocked is unblocked (a parent such as Foundation's `Process` can pass its
    /// thread's mask on, and then a stop request would wait until the end of the run).
    public static func exitOnSignals(_ signals: [Int32]) {
        // Touch the storage first: lazy globals must never be first initialised inside a handler.
        _ = states
        _ = paths
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in signals {
            var current = sigaction()
            guard sigaction(signalNumber, nil, &current) == 0, !isIgnored(current) else { continue }
            signal(signalNumber) { received in
                InterruptedWrites.removeRegisteredFiles()
                _exit(128 + received)
            }
            sigaddset(&unblock, signalNumber)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        // C function pointers are not Equatable in Swift; compare their addresses.
        #if os(Linux)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
