import Foundation
import MLMCore

/// Ctrl-C while a step runs: the terminal sends SIGINT (at the prompt libedit reads Ctrl-C as a
/// key instead), and the handler only raises the cancellation flag, which long loops check at
/// safe points. The process is never killed by Ctrl-C, so no state is lost. SIGTERM and SIGHUP
/// (and SIGINT when the REPL reads a pipe, where there is no one to press Ctrl-C again) end the
/// process, removing the temp file of a write in progress first (`InterruptedWrites`).
enum StepInterrupts {
    static func install(interactive: Bool) {
        InterruptedWrites.exitOnSignals(interactive ? [SIGTERM, SIGHUP] : [SIGINT, SIGTERM, SIGHUP])
        guard interactive else { return }
        // Touch the flag first: its storage must exist before a signal handler reads it.
        Cancellation.reset()
        // glibc's signal() restarts interrupted reads and writes (BSD semantics).
        signal(SIGINT) { _ in Cancellation.request() }
    }
}
