import ArgumentParser
import MCPServer
import Service

/// `panelist mcp`: the Model Context Protocol server over standard input and output.
struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (standard input and output).",
        discussion: "Tools: search, ask, list_experts. Resources: panelist://passage/{id} and panelist://expert/{name}. Logs go to standard error as JSON lines.")

    @OptionGroup var storeOption: StoreOption
    @OptionGroup var service: ServiceOptions

    func run() throws {
        let logger = ServiceLogging.bootstrap(label: "panelist.mcp", level: service.level)
        let (path, embedder) = try storeOption.open()
        let panel = try Panel(storePath: path, limits: service.limits, logger: logger, embedder: embedder)
        let server = MCPServer(panel: panel, version: PanelistServer.configuration.version, logger: logger)
        try BlockingRun.wait { try await server.run() }
    }
}
