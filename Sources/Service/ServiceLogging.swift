import Logging

/// The logging of `serve` and `mcp`: every logger in the process, Panelist's and its libraries',
/// writes JSON lines to standard error (`JSONLogHandler`).
public enum ServiceLogging {
    /// Installs the handler at `level` and returns the service's logger.
    ///
    /// Call once, before anything logs; swift-log allows one bootstrap per process.
    public static func bootstrap(label: String, level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { name in
            var handler = JSONLogHandler(label: name)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}
