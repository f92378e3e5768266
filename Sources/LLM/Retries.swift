import Foundation

/// How a request to a model server is repeated: after a failure that may pass (the server was not
/// reached, dropped the connection, rate-limits or failed internally), with doubling back-off, as long
/// as the request's idle and total timeouts leave time; the last error notes the attempts made.
/// The chat and the embeddings clients share it.
struct Retries {
    /// How many times a request may be repeated after its first attempt.
    let maximum: Int

    /// The first back-off delay, in seconds; each retry waits twice as long as the one before.
    static let initialBackOff = 0.25

    /// Runs `attempt` until it succeeds, fails for good, or runs out of retries or time.
    ///
    /// - Parameters:
    ///   - request: The request; `attempt` may update its `silentSince` as bytes arrive.
    ///   - isCancelled: Polled between attempts; returning true ends with `.cancelled`.
    ///   - mayRetry: Asked after a failure: false when the attempt already passed on something that
    ///     cannot be taken back (streamed text).
    ///   - attempt: One attempt.
    /// - Throws: The last attempt's error, or `.cancelled`.
    func run<Result>(
        _ request: inout HTTPRequest, isCancelled: () -> Bool, mayRetry: () -> Bool = { true },
        _ attempt: (inout HTTPRequest) throws(LLMError) -> Result
    ) throws(LLMError) -> Result {
        var attempts = 0
        while true {
            if isCancelled() {
                throw LLMError(.cancelled, "LLM request to \(request.host) cancelled")
            }
            do {
                return try attempt(&request)
            } catch {
                let delay = Self.backOffDelay(attempt: attempts)
                guard mayRetry(), attempts < maximum, Self.isRetryable(error), Self.leavesTime(for: delay, in: request) else {
                    throw attempts == 0 ? error : Self.noting(attempts: attempts + 1, on: error)
                }
                try Self.backOff(delay, host: request.host, isCancelled: isCancelled)
                attempts += 1
            }
        }
    }

    /// Whether waiting `delay` seconds still leaves time for another attempt: a retry never takes the
    /// request past its idle timeout (the server has been silent all along) or its total timeout.
    static func leavesTime(for delay: Double, in request: HTTPRequest) -> Bool {
        let spare = 0.05
        if request.idleTimeout > 0, request.remaining(request.idleTimeout, since: request.silentSince) < delay + spare {
            return false
        }
        if request.totalTimeout > 0, request.remaining(request.totalTimeout, since: request.startedAt) < delay + spare {
            return false
        }
        return true
    }

    /// Whether a failed attempt is worth repeating: the server was not reached, dropped the
    /// connection, is rate-limiting, or failed internally.
    static func isRetryable(_ error: LLMError) -> Bool {
        switch error.code {
        case .unreachable, .connectionLost:
            return true
        case .httpStatus:
            guard let status = error.httpStatus else { return false }
            return status == 429 || (500..<600).contains(status)
        default:
            return false
        }
    }

    /// Seconds to wait before retry number `attempt + 1`.
    static func backOffDelay(attempt: Int) -> Double {
        initialBackOff * pow(2, Double(min(attempt, 10)))
    }

    /// Waits `delay` seconds before a retry, checking for cancellation every 50 ms.
    static func backOff(_ delay: Double, host: String, isCancelled: () -> Bool) throws(LLMError) {
        let deadline = Date().addingTimeInterval(delay)
        while Date() < deadline {
            if isCancelled() {
                throw LLMError(.cancelled, "LLM request to \(host) cancelled")
            }
            Thread.sleep(forTimeInterval: min(0.05, max(0, deadline.timeIntervalSinceNow)))
        }
    }

    /// The error with the number of attempts made added to its message.
    static func noting(attempts: Int, on error: LLMError) -> LLMError {
        var copy = error
        copy.message += " (gave up after \(attempts) attempts)"
        return copy
    }
}
