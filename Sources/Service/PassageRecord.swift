import Corpus

/// A passage looked up by id: `{"id", "expert", "role", "question", "text", "source"}` — the passage
/// object of docs/JSON.md without a score, since no query ranked it.
public struct PassageRecord: Codable, Sendable, Equatable {
    public var id: String
    public var expert: String
    public var role: String
    public var question: String
    public var text: String
    public var source: String

    public init(_ passage: Passage) {
        id = passage.id
        expert = passage.expert
        role = passage.role
        question = passage.question
        text = passage.text
        source = passage.source
    }
}
