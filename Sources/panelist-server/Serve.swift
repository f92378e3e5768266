import ArgumentParser
import Foundation
import HTTPService
import Service

/// `panelist serve`: the HTTP server.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API, an OpenAI-compatible chat endpoint and a chat page.",
        discussion: """
            Routes: GET / (chat page), GET /health, GET /v1/models, POST /v1/search, POST /v1/ask, \
            POST /v1/chat/completions (streaming or not). Binds to 127.0.0.1 unless --host says otherwise; \
            any other address needs a token in \(ServeSettings.tokenVariable), which /v1/ requests must send as \
            "Authorization: Bearer <token>". SIGTERM stops it after the requests in progress; SIGHUP reopens the store.
            """)

    @Option(help: "The address to listen on.")
    var host = ServeSettings().host

    @Option(help: "The port to listen on (0: any free port; the URL is printed).")
    var port = ServeSettings().port

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBody = ServiceLimits().maxBodyBytes

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds a client may take to send its request.", valueName: "seconds"))
    var requestTimeout = 10

    @OptionGroup var service: ServiceOptions
    @OptionGroup var storeOption: StoreOption

    func validate() throws {
        guard maxBody >= 1_024 else { throw ValidationError("--max-body must be at least 1024 bytes") }
        guard (1...3_600).contains(requestTimeout) else { throw ValidationError("--request-timeout must be between 1 and 3600 seconds") }
    }

    func run() throws {
        let token = ProcessInfo.processInfo.environment[ServeSettings.tokenVariable].flatMap { $0.isEmpty ? nil : $0 }
        let settings = ServeSettings(host: host, port: port, token: token)
        try settings.validate()
        var limits = service.limits
        limits.maxBodyBytes = maxBody
        limits.requestTimeout = .seconds(requestTimeout)
        let logger = ServiceLogging.bootstrap(label: "panelist.serve", level: service.level)
        let (path, embedder) = try storeOption.open()
        let panel = try Panel(storePath: path, limits: limits, logger: logger, embedder: embedder)
        let server = HTTPServer(panel: panel, settings: settings, logger: logger)
        try BlockingRun.wait {
            try await server.run { url in
                FileHandle.standardOutput.write(Data("Panelist is serving \(url) (store: \(panel.storePath))\n".utf8))
            }
        }
    }
}
