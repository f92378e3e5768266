import Dispatch
import Foundation
import Hummingbird
import Logging
import Service

/// `panelist serve`: the HTTP server over a `Panel`.
///
/// SIGTERM and SIGINT stop it gracefully (requests in progress are answered first); SIGHUP makes it
/// reopen its store, so a new store renamed over the old file is served without a restart.
public struct HTTPServer: Sendable {
    let panel: Panel
    let settings: ServeSettings
    let logger: Logger

    public init(panel: Panel, settings: ServeSettings, logger: Logger) {
        self.panel = panel
        self.settings = settings
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT.
    ///
    /// - Parameter onListening: Called once with the server's URL when it accepts connections.
    /// - Throws: When the address cannot be bound.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let routes = APIRoutes(panel: panel, token: settings.token, logger: logger)
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        let app = Application(
            router: routes.router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(settings.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "panelist"),
            onServerRunning: { channel in onListening("http://\(host):\(channel.localAddress?.port ?? 0)") },
            logger: logger
        )
        let reload = reloadOnHangUp()
        defer { reload.cancel() }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        logger.info("server stopped")
    }

    /// Reopens the store on each SIGHUP; a store that fails to open is logged and the old one kept.
    private func reloadOnHangUp() -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: .global())
        source.setEventHandler { [panel, logger] in
            do {
                try panel.reopen()
                logger.info("store reopened", metadata: ["store": "\(panel.storePath)"])
            } catch {
                logger.error("store not reopened; still serving the previous one", metadata: ["store": "\(panel.storePath)", "error": "\(error)"])
            }
        }
        source.resume()
        return source
    }
}
