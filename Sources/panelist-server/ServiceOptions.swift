import ArgumentParser
import Logging
import Service

/// The options `serve` and `mcp` share: how many requests at once and how much logging.
struct ServiceOptions: ParsableArguments {
    @Option(help: "How many requests are answered at the same time, each on its own store connection (default: one per core).")
    var workers: Int?

    @Option(name: .customLong("max-concurrent"), help: "Requests in progress (answered or waiting) before more are refused as busy.")
    var maxConcurrent = ServiceLimits().maxConcurrentRequests

    @Option(name: .customLong("log-level"), help: ArgumentHelp("trace, debug, info, notice, warning, error or critical (JSON lines on standard error).", valueName: "level"))
    var logLevel = "info"

    func validate() throws {
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers must be between 1 and 256") }
        guard maxConcurrent >= 1 else { throw ValidationError("--max-concurrent must be at least 1") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    var level: Logger.Level { Logger.Level(rawValue: logLevel) ?? .info }

    /// The limits asked for, the rest at their defaults.
    var limits: ServiceLimits {
        var limits = ServiceLimits()
        if let workers { limits.workers = workers }
        limits.maxConcurrentRequests = maxConcurrent
        return limits
    }
}
