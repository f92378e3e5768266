import Foundation

/// How much the service takes on at once and how long it waits.
public struct ServiceLimits: Sendable, Equatable {
    /// Requests answered at the same time, each on its own store connection.
    public var workers: Int
    /// Requests in progress (answered or waiting for a worker); one more is refused as busy.
    public var maxConcurrentRequests: Int
    /// The largest request body, in bytes.
    public var maxBodyBytes: Int
    /// How long a client may take to send its request body.
    public var requestTimeout: Duration

    public init(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        maxConcurrentRequests: Int = 256,
        maxBodyBytes: Int = 1 << 20,
        requestTimeout: Duration = .seconds(10)
    ) {
        self.workers = workers
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
    }
}
