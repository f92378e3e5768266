import Answering

/// What `panelist ask --json` prints (and each line of `chat --json`).
///
/// `{"question", "answer", "abstained", "mode", "citations": [C…], "passages": [P…], "notice"}`,
/// plus `"model"` and `"unsupported"` in `llm` mode; field names are a public contract (docs/JSON.md).
public struct AnswerOutput: Codable, Sendable, Equatable {
    public var question: String
    public var answer: String
    public var abstained: Bool
    public var mode: AnswerMode
    public var citations: [CitationOutput]
    public var passages: [PassageOutput]
    public var notice: String?
    /// Only in `llm` mode: the model that wrote the answer.
    public var model: String?
    /// Only in `llm` mode: the reply's sentences that no passage supports.
    public var unsupported: [String]?

    public init(_ answer: Answer) {
        question = answer.question
        self.answer = answer.abstained ? AnswerRenderer.abstentionText(answer) : answer.text
        abstained = answer.abstained
        mode = answer.mode
        citations = answer.citations.map(CitationOutput.init)
        passages = answer.passages.map { PassageOutput($0) }
        notice = answer.notice
        if answer.mode == .llm {
            model = answer.model
            unsupported = answer.unsupported
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(mode, forKey: .mode)
        try container.encode(citations, forKey: .citations)
        try container.encode(passages, forKey: .passages)
        try container.encode(notice, forKey: .notice)
        if mode == .llm {
            try container.encode(model, forKey: .model)
            try container.encode(unsupported ?? [], forKey: .unsupported)
        }
    }
}

/// One citation: `{"n", "expert", "role", "passage_id", "question", "quote"}`.
public struct CitationOutput: Codable, Sendable, Equatable {
    public var n: Int
    public var expert: String
    public var role: String
    public var passageID: String
    public var question: String
    /// The quoted sentence(s), joined by a space.
    public var quote: String

    public init(_ citation: Citation) {
        n = citation.n
        expert = citation.passage.passage.expert
        role = citation.passage.passage.role
        passageID = citation.passage.passage.id
        question = citation.passage.passage.question
        quote = citation.quotes.joined(separator: " ")
    }

    enum CodingKeys: String, CodingKey {
        case n, expert, role, passageID = "passage_id", question, quote
    }
}
