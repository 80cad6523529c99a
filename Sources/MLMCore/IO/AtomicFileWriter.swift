import Foundation

/// What is at a path, following symbolic links. mlm writes only to regular files: renaming a new
/// file over a device, a pipe or a socket would replace it (as root, `/dev/full` became a CSV).
public enum FileKind: Sendable, Equatable {
    case regular
    case folder
    case device
    case pipe
    case socket
    case other

    /// The kind of what is at `path`, or nil when nothing is there (or a link points nowhere).
    public static func at(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFCHR, S_IFBLK: return .device
        case S_IFIFO: return .pipe
        case S_IFSOCK: return .socket
        default: return .other
        }
    }

    /// "a folder", "a device", ...
    public var description: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .device: return "a device"
        case .pipe: return "a named pipe (FIFO)"
        case .socket: return "a socket"
        case .other: return "not a regular file"
        }
    }
}

/// Whether two paths name the same file on disk (same device and inode): catches symbolic links,
/// `./x` against `x`, `..` detours and hard links alike. False when either does not exist.
public func isSameFile(_ a: String, _ b: String) -> Bool {
    var first = stat(), second = stat()
    guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
}

public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The one way mlm writes an output file (CSV exports, model files, reports and their chart
/// files, saved REPL scripts): the bytes go to a hidden temp file beside the target, are flushed
/// to disk, and the temp file is renamed over the target. A crash or an interrupt leaves the old
/// file or the new one, never half of one, and never a temp file (see `InterruptedWrites`).
/// Anything at the target that is not a regular file is refused, not replaced.
public enum AtomicFileWriter {
    public static func write(_ data: Data, to path: String) throws(FileWriteError) {
        try write([UInt8](data), to: path)
    }

    public static func write(_ text: String, to path: String) throws(FileWriteError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(FileWriteError) {
        // Through a link to a file, the file it points to is replaced and the link stays.
        let target = destination(of: path)
        try refuseSpecial(target, named: path)
        let temporary = temporaryPath(for: target)
        let mode = existingMode(of: target) ?? 0o644
        let token = InterruptedWrites.register(temporary)
        defer { InterruptedWrites.unregister(token) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw FileWriteError(message: "cannot write '\(path)': \(FileBytes.reason(errno, reading: false))")
        }
        var failure = writeAll(bytes, to: descriptor)
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, let kind = FileKind.at(target), kind != .regular {
            // Something other than a file appeared at the target while writing: still never replace it.
            unlink(temporary)
            throw FileWriteError(message: refusal(path, kind))
        }
        if failure == 0, rename(temporary, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw FileWriteError(message: "cannot write '\(path)': \(FileBytes.reason(failure, reading: false))")
        }
        syncFolder(of: target)
    }

    /// Refuses a target that exists and is not a regular file.
    public static func refuseSpecial(_ target: String, named path: String) throws(FileWriteError) {
        if let kind = FileKind.at(target), kind != .regular { throw FileWriteError(message: refusal(path, kind)) }
    }

    /// The one wording, also used by `OutputTargets` before anything is written.
    public static func refusal(_ path: String, _ kind: FileKind) -> String {
        "'\(path)' is \(kind.description), not a regular file; mlm never writes over it"
    }

    /// The file a symbolic link leads to (when it leads to one), else the path itself.
    static func destination(of path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32 {
        bytes.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return 0 }
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return 0
        }
    }

    /// The rename is only durable once the folder's entry is on disk too; best effort.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The prefix every temp file starts with: `.<name>.tmp-`.
    public static func temporaryPrefix(for name: String) -> String {
        // A file name has at most 255 bytes; keep room for the suffix.
        var short = ""
        for character in name {
            if short.utf8.count + character.utf8.count > 200 { break }
            short.append(character)
        }
        return ".\(short).tmp-"
    }

    /// `dir/.name.tmp-<pid>-<random>`: hidden, and in the same folder so the rename stays on one
    /// file system.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let suffix = UInt32.random(in: 0...UInt32.max)
        return "\(folder)\(temporaryPrefix(for: name))\(getpid())-\(suffix)"
    }

    /// Keeps the permissions of a file being replaced.
    private static func existingMode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return info.st_mode & 0o7777
    }
}
