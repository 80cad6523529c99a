import Foundation

/// Runs work on every core with Dispatch; each result lands in its own slot.
enum Parallel {
    static var coreCount: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    /// `body` must only read shared state; each call writes nothing but its own result slot,
    /// which is why handing the closure and the slots to other threads is safe.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if count <= 1 { return count == 1 ? [body(0)] : [] }
        let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
        defer {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedForWorkers(body: body, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared.slots[index] = shared.body(index)
            }
        }
        return (0..<count).compactMap { slots[$0] }
    }
}

/// The closure and result slots of `Parallel.map`, shared with worker threads.
private struct SharedForWorkers<T>: @unchecked Sendable {
    let body: (Int) -> T
    let slots: UnsafeMutablePointer<T?>
}

/// A raw pointer handed to parallel workers that each write their own disjoint part of it.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
