import ArgumentParser
import MCPServer
import Service

extension Panelist {
    /// `panelist mcp`: the Model Context Protocol server (an MCP client starts it and talks over stdio).
    struct MCPCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (standard input and output).",
            discussion: "Tools: search, ask, list_experts. Resources: panelist://passage/{id} and panelist://expert/{name}. Logs go to standard error as JSON lines.")

        @OptionGroup var service: ServiceOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let logger = ServiceLogging.bootstrap(label: "panelist.mcp", level: service.level)
            let panel = try Panel(storePath: try storeOptions.path(), limits: service.limits, logger: logger)
            let server = MCPServer(panel: panel, version: Panelist.configuration.version, logger: logger)
            try BlockingRun.wait { try await server.run() }
        }
    }
}
