import Atomics

/// A request to stop the running step (Ctrl-C in the REPL), raised from a signal handler or
/// another thread and noticed by long loops at safe points: training rounds, tree nodes, CSV
/// chunks, k-means iterations. A loop that notices it throws `ModelError.cancelled` (or its own
/// error type's equivalent); the REPL then drops the step's half-made result and keeps the state
/// from before the step.
public enum Cancellation {
    // An atomic flag rather than a lock: setting it must be safe inside a signal handler.
    private static let flag = ManagedAtomic<Bool>(false)

    /// The words shown when a step stops on request.
    public static let message = "stopped on request (Ctrl-C); nothing from this step was kept"

    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Called before each step starts, so an old request does not stop the next step.
    public static func reset() { flag.store(false, ordering: .relaxed) }
}

extension ModelError {
    public static var cancelled: ModelError { ModelError(Cancellation.message) }

    /// Throws `cancelled` when a stop was requested; cheap enough for every loop round.
    public static func throwIfCancelled() throws(ModelError) {
        if Cancellation.isRequested { throw cancelled }
    }
}
