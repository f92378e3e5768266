import ArgumentParser
import Logging

/// The options `serve` and `mcp` share: how many requests at once and how much logging.
///
/// Here rather than in an executable because two use it: `panelist` (`serve`) and `panelist-mcp`.
public struct ServiceOptions: ParsableArguments {
    @Option(help: "How many requests are answered at the same time, each on its own store connection (default: one per core).")
    public var workers: Int?

    @Option(name: .customLong("max-concurrent"), help: "Requests in progress (answered or waiting) before more are refused as busy.")
    public var maxConcurrent = ServiceLimits().maxConcurrentRequests

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (JSON lines on standard error).", valueName: "level"))
    public var logLevel = "info"

    public init() {}

    public func validate() throws {
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be between 1 and 256") }
        guard maxConcurrent >= 1 else { throw ValidationError("--max-concurrent must be at least 1") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    public var level: Logger.Level { Logger.Level(rawValue: logLevel) ?? .info }

    /// The limits asked for, the rest at their defaults.
    public var limits: ServiceLimits {
        var limits = ServiceLimits()
        if let workers { limits.workers = workers }
        limits.maxConcurrentRequests = maxConcurrent
        return limits
    }
}
