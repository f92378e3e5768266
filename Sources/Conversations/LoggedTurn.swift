import Answering
import Foundation
import Rendering

/// One question and its answer as the conversation log keeps them, and as `panelist logs --json` prints them.
///
/// `{"conversation", "turn", "time", "corpus", "mode", "question", "answer", "abstained", "citations",
/// "k", "expert"}`; field names are a public contract (docs/JSON.md).
public struct LoggedTurn: Codable, Sendable, Equatable {
    /// The conversation's id (`panelist chat --conversation ID`).
    public var conversation: Int64
    /// The turn's id, increasing through the whole log.
    public var turn: Int64
    /// When the answer was given.
    public var time: Date
    /// The corpus the question was asked of ("default", a corpus name or a store path).
    public var corpus: String
    /// "extractive" or "llm", as in `ask --json`.
    public var mode: AnswerMode
    public var question: String
    /// The answer's text with its `[n]` markers, or the abstention message.
    public var answer: String
    public var abstained: Bool
    public var citations: [CitationOutput]
    /// How many passages the answer drew on.
    public var k: Int
    /// The expert answers were restricted to (`--expert`, `:expert`), if any.
    public var expert: String?

    public init(conversation: Int64, turn: Int64, time: Date, corpus: String, mode: AnswerMode, question: String, answer: String,
                abstained: Bool, citations: [CitationOutput], k: Int, expert: String?) {
        self.conversation = conversation
        self.turn = turn
        self.time = time
        self.corpus = corpus
        self.mode = mode
        self.question = question
        self.answer = answer
        self.abstained = abstained
        self.citations = citations
        self.k = k
        self.expert = expert
    }

    /// The turn of `answer`, asked with `options`, before the log gives it its ids.
    public init(_ answer: Answer, options: AnswerOptions, corpus: String, time: Date = Date()) {
        let output = AnswerOutput(answer)
        self.init(conversation: 0, turn: 0, time: time, corpus: corpus, mode: output.mode, question: output.question,
                  answer: output.answer, abstained: output.abstained, citations: output.citations, k: options.k,
                  expert: options.expert)
    }

    /// What the conversation needs to rebuild this turn (`Conversation.restore`).
    public var replay: Conversation.Replay {
        Conversation.Replay(question: question, options: AnswerOptions(k: k, expert: expert),
                            modelAnswer: mode == .llm ? answer : nil)
    }

    enum CodingKeys: String, CodingKey {
        case conversation, turn, time, corpus, mode, question, answer, abstained, citations, k, expert
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(turn, forKey: .turn)
        try container.encode(Self.timeFormat.string(from: time), forKey: .time)
        try container.encode(corpus, forKey: .corpus)
        try container.encode(mode, forKey: .mode)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(citations, forKey: .citations)
        try container.encode(k, forKey: .k)
        try container.encode(expert, forKey: .expert)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let stamp = try container.decode(String.self, forKey: .time)
        guard let time = Self.timeFormat.date(from: stamp) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "not an ISO 8601 time: \(stamp)")
        }
        self.init(conversation: try container.decode(Int64.self, forKey: .conversation),
                  turn: try container.decode(Int64.self, forKey: .turn), time: time,
                  corpus: try container.decode(String.self, forKey: .corpus), mode: try container.decode(AnswerMode.self, forKey: .mode),
                  question: try container.decode(String.self, forKey: .question),
                  answer: try container.decode(String.self, forKey: .answer),
                  abstained: try container.decode(Bool.self, forKey: .abstained),
                  citations: try container.decode([CitationOutput].self, forKey: .citations),
                  k: try container.decode(Int.self, forKey: .k), expert: try container.decodeIfPresent(String.self, forKey: .expert))
    }

    /// ISO 8601 in UTC with milliseconds: "2026-11-30T05:19:49.123Z".
    static var timeFormat: ISO8601DateFormatter {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format
    }
}
