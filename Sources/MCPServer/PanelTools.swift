import Answering
import MCP
import Rendering
import Service

/// The MCP tools: `search`, `ask` and `list_experts`, each answered through the `Panel`.
///
/// A tool's result has the JSON of `search --json`, `ask --json` or the expert list as structured
/// content, and a text for models that read only text.
struct PanelTools {
    let panel: Panel

    static let definitions: [Tool] = [
        Tool(
            name: "search",
            description: "Find the interview passages that best match a query, ranked, with the expert, role and question of each.",
            inputSchema: .object([
                "type": "object",
                "properties": .object([
                    "query": .object(["type": "string", "description": "What to look for."]),
                    "k": .object(["type": "integer", "minimum": 1, "maximum": 50, "description": "How many passages (default 5)."]),
                    "expert": .object(["type": "string", "description": "Only this expert's passages (full name or surname)."]),
                ]),
                "required": .array(["query"]),
            ]),
            annotations: .init(readOnlyHint: true)
        ),
        Tool(
            name: "ask",
            description: "Answer a question from the expert interviews with the experts' own sentences, each cited [n] to its expert; declines when the interviews do not cover it.",
            inputSchema: .object([
                "type": "object",
                "properties": .object([
                    "question": .object(["type": "string", "description": "The question."]),
                    "expert": .object(["type": "string", "description": "Only this expert's passages (full name or surname)."]),
                    "k": .object(["type": "integer", "minimum": 1, "maximum": 50, "description": "How many passages to draw on (default 5)."]),
                ]),
                "required": .array(["question"]),
            ]),
            annotations: .init(readOnlyHint: true)
        ),
        Tool(
            name: "list_experts",
            description: "List the experts in the corpus with their roles, passage counts and the questions they answer.",
            inputSchema: .object(["type": "object", "properties": .object([:])]),
            annotations: .init(readOnlyHint: true)
        ),
    ]

    /// The result of calling the tool `name`.
    ///
    /// - Throws: `MCPError.invalidParams` for an unknown tool or bad arguments (including an
    ///   unusable question or unknown expert), `MCPError.internalError` when the store fails.
    func call(_ name: String, arguments: [String: Value]?) async throws -> CallTool.Result {
        let arguments = ToolArguments(tool: name, values: arguments)
        do {
            switch name {
            case "search":
                let request = SearchRequest(query: try arguments.string("query", required: true) ?? "", k: try arguments.integer("k"),
                                            expert: try arguments.string("expert"))
                let output = try await panel.search(request)
                return try CallTool.Result(content: [.text(text: try JSONLine.encode(output), annotations: nil, _meta: nil)], structuredContent: output)
            case "ask":
                let question = try arguments.string("question", required: true) ?? ""
                let options = try AskRequest(question: question, k: try arguments.integer("k"), expert: try arguments.string("expert")).options()
                let reply = try await panel.reply(to: [question], options: options)
                return try CallTool.Result(content: [.text(text: reply.text, annotations: nil, _meta: nil)], structuredContent: reply.output)
            case "list_experts":
                let experts = ExpertList(experts: try await panel.experts())
                return try CallTool.Result(content: [.text(text: try JSONLine.encode(experts), annotations: nil, _meta: nil)], structuredContent: experts)
            default:
                throw MCPError.invalidParams("unknown tool “\(name)”; the tools are search, ask and list_experts")
            }
        } catch let error as ServiceError {
            throw MCPError(error)
        }
    }
}

/// `list_experts`'s structured content: `{"experts": [E…]}` (structured content is an object).
struct ExpertList: Codable {
    var experts: [ExpertOutput]
}

extension MCPError {
    /// The client's mistakes as invalid params, the server's as an internal error; messages as they are.
    init(_ error: ServiceError) {
        switch error.code {
        case .invalidRequest, .notFound: self = .invalidParams(error.message)
        default: self = .internalError(error.message)
        }
    }
}
