import Logging
import MCP
import Service

/// `panelist mcp`: a Model Context Protocol server over standard input and output.
///
/// Requests are answered concurrently through the `Panel`; a failing request is an MCP error
/// response, and the server runs until its client closes standard input.
public struct MCPServer: Sendable {
    let panel: Panel
    let version: String
    let logger: Logger

    public init(panel: Panel, version: String, logger: Logger) {
        self.panel = panel
        self.version = version
        self.logger = logger
    }

    /// Serves until standard input ends.
    ///
    /// - Throws: When standard input or output cannot be used.
    public func run() async throws {
        let server = Server(
            name: "panelist",
            version: version,
            instructions: "Expert interviews, searched and answered with citations: `ask` answers a question citing the experts, `search` finds passages, `list_experts` lists who speaks. Quote answers with their [n] markers and sources.",
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false))
        )
        let tools = PanelTools(panel: panel)
        let resources = PanelResources(panel: panel)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: PanelTools.definitions) }
        await server.withMethodHandler(CallTool.self) { params in try await tools.call(params.name, arguments: params.arguments) }
        await server.withMethodHandler(ListResources.self) { params in try await resources.list(cursor: params.cursor) }
        await server.withMethodHandler(ListResourceTemplates.self) { _ in ListResourceTemplates.Result(templates: PanelResources.templates) }
        await server.withMethodHandler(ReadResource.self) { params in try await resources.read(uri: params.uri) }
        try await server.start(transport: StdioTransport(logger: logger))
        logger.info("MCP server ready", metadata: ["store": "\(panel.storePath)"])
        await server.waitUntilCompleted()
    }
}
