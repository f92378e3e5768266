import Corpus

/// An expert as the HTTP API and the MCP server list them: `{"name", "role", "passages", "questions"}`.
///
/// Field names are a public contract (docs/JSON.md).
public struct ExpertOutput: Codable, Sendable, Equatable {
    public var name: String
    public var role: String
    /// How many passages the expert has in the store.
    public var passages: Int
    /// The distinct questions the expert answers, in order.
    public var questions: [String]

    public init(_ summary: ExpertSummary) {
        name = summary.expert.name
        role = summary.expert.role
        passages = summary.passages
        questions = summary.questions
    }
}
