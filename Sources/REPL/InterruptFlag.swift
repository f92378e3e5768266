import CEditLine
import Glibc

/// The word the SIGINT handler writes to.
///
/// It is a `sig_atomic_t` reached through a pointer that never changes, and
/// it is only read and written through `cedit_flag_load`/`cedit_flag_store`,
/// i.e. as a C `volatile sig_atomic_t`: a handler can write it in one
/// indivisible store, and the compiler cannot keep a stale copy in a register
/// while a loop polls it. Relaxed semantics are enough because the flag
/// carries no other data whose writes would need ordering. A plain Swift
/// global `var` is avoided on purpose: its dynamic exclusivity checks could
/// trap if the handler ran while the main thread was reading it.
nonisolated(unsafe) private let interruptWord: UnsafeMutablePointer<sig_atomic_t> = {
    let word = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    word.initialize(to: 0)
    return word
}()

/// The SIGINT handler: only an async-signal-safe store.
private func recordInterrupt(_ signal: Int32) {
    cedit_flag_store(interruptWord, 1)
}

/// Process-wide record of Ctrl-C (SIGINT), for cancelling long-running work.
///
/// After `install()`, SIGINT no longer ends the process: the handler only
/// sets a flag that the work being done polls with `isSet` and clears with
/// `reset()`. `LineEditor` installs the handler too, and while it reads a
/// line it turns a SIGINT into `LineInput.interrupted` instead.
///
/// The class has no stored state of its own (the flag lives in a word the
/// signal handler can reach), so it is safe to share between threads.
public final class InterruptFlag: Sendable {
    /// The single instance.
    ///
    /// There is only one because a signal handler belongs to the whole
    /// process.
    public static let shared = InterruptFlag()

    private init() {}

    /// Installs the SIGINT handler that sets the flag.
    ///
    /// The handler is installed with `SA_RESTART`, so system calls that a
    /// Ctrl-C interrupts elsewhere in the program are resumed rather than
    /// failing with `EINTR`. Calling it again is harmless.
    public func install() {
        // Initialise the lazy global now, so the handler never has to.
        _ = interruptWord
        var action = sigaction()
        action.__sigaction_handler.sa_handler = recordInterrupt
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    /// Whether a SIGINT arrived since the last `reset()`.
    ///
    /// Cheap enough to poll every few milliseconds from the work that Ctrl-C
    /// should cancel.
    public var isSet: Bool {
        cedit_flag_load(interruptWord) != 0
    }

    /// Clears the flag.
    ///
    /// Call it before starting work that Ctrl-C may cancel, and after acting
    /// on an interrupt. `LineEditor.readLine(prompt:)` clears it as well.
    public func reset() {
        cedit_flag_store(interruptWord, 0)
    }
}
