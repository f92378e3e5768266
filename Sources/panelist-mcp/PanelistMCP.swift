import ArgumentParser
import Bundled
import Foundation
import MCPServer
import Service

/// `panelist mcp`: the Model Context Protocol server over standard input and output. `panelist mcp …`
/// runs this program with its options (see Package.swift for why it is a program of its own).
@main
struct PanelistMCP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist mcp",
        abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (standard input and output).",
        discussion: "Tools: search, ask, list_experts. Resources: panelist://passage/{id} and panelist://expert/{name}. Logs go to standard error as JSON lines.",
        version: "0.1.0")

    @Option(help: ArgumentHelp("The store file to use (default: the bundled corpus's store).", valueName: "file"))
    var store: String?

    @OptionGroup var service: ServiceOptions

    func run() throws {
        let logger = ServiceLogging.bootstrap(label: "panelist.mcp", level: service.level)
        let path = try store ?? DefaultStore().openedPath()
        let panel = try Panel(storePath: path, limits: service.limits, logger: logger)
        let server = MCPServer(panel: panel, version: Self.configuration.version, logger: logger)
        try BlockingRun.wait { try await server.run() }
    }
}
