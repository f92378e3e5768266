import Foundation

/// Runs asynchronous service code from a synchronous command and waits for it.
///
/// Panelist's commands are synchronous, so that the one-shot ones never start Swift's concurrency
/// runtime; `serve` and `mcp` enter it here.
public enum BlockingRun {
    /// Runs `body` in a task and blocks the calling thread until it ends.
    ///
    /// - Throws: What `body` throws.
    public static func wait(for body: @escaping @Sendable () async throws -> Void) throws {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await body()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// The error a task ended with, read after the semaphore says it has ended.
private final class Outcome: @unchecked Sendable {
    // Invariant: written by the task before it signals, read by the waiter after it is signalled.
    var error: (any Error)?
}
