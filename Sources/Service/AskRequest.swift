import Answering

/// A question: `{"question", "k", "expert"}`, as `POST /v1/ask` and the MCP `ask` tool take it.
public struct AskRequest: Codable, Sendable, Equatable {
    public var question: String
    /// How many passages to use, 1 to 50 (default 5).
    public var k: Int?
    /// Only this expert's passages (full name or surname).
    public var expert: String?

    public init(question: String, k: Int? = nil, expert: String? = nil) {
        self.question = question
        self.k = k
        self.expert = expert
    }

    /// The options the answerer takes.
    ///
    /// - Throws: `ServiceError.invalidRequest` for a `k` out of range.
    public func options() throws -> AnswerOptions {
        AnswerOptions(k: try PassageCount.validated(k), expert: expert)
    }
}
