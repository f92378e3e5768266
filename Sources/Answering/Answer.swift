import Corpus
import Retrieval
import Search

/// One cited passage of an answer: its marker, the passage and the sentences quoted from it.
public struct Citation: Sendable, Equatable {
    /// The marker number, `[n]`, from 1 in order of first use.
    public var n: Int
    public var passage: RankedPassage
    /// The quoted sentences, verbatim, in answer order.
    public var quotes: [String]

    public init(n: Int, passage: RankedPassage, quotes: [String]) {
        self.n = n
        self.passage = passage
        self.quotes = quotes
    }
}

/// A sentence of an answer and the marker of the passage it comes from.
public struct AnswerSentence: Sendable, Equatable {
    public var text: String
    /// The marker of its passage; 0 when the sentence is uncited (a language model's unsupported sentence).
    public var citation: Int
    /// For "which expert" answers: the expert the sentence introduces.
    public var speaker: String?
    /// Further markers, when several passages support the sentence.
    public var extraCitations: [Int] = []
    /// Whether no passage supports the sentence (only a language model's sentences can be).
    public var isUnsupported = false

    public init(text: String, citation: Int, speaker: String? = nil, extraCitations: [Int] = [], isUnsupported: Bool = false) {
        self.text = text
        self.citation = citation
        self.speaker = speaker
        self.extraCitations = extraCitations
        self.isUnsupported = isUnsupported
    }

    /// The sentence's markers as printed: "[1]", "[1][3]", "[unsupported]", or "" when uncited.
    public var markers: String {
        if isUnsupported { return "[unsupported]" }
        return ([citation] + extraCitations).filter { $0 > 0 }.map { "[\($0)]" }.joined()
    }
}

/// How an answer was written.
public enum AnswerMode: String, Sendable, Codable {
    /// From the corpus's own sentences, offline.
    case extractive
    /// By a language model from the same passages, its citations checked against them.
    case llm
}

/// A reply to a question: cited sentences, or a plain statement that the corpus does not cover it.
public struct Answer: Sendable {
    public var question: String
    public var mode: AnswerMode = .extractive
    /// The sentences with their markers; empty when abstained.
    public var sentences: [AnswerSentence]
    public var citations: [Citation]
    /// Every passage retrieved, best first, even when Panelist declined (for `:why` and evaluation).
    public var retrieved: [RankedPassage]
    /// Why Panelist declined; nil when it answered.
    public var declined: DeclineReason?
    /// The experts the passages were limited to, if any.
    public var restriction: Restriction?
    /// The topics the corpus covers, by expert; filled when abstained.
    public var topics: [ExpertSummary] = []
    /// A one-line remark (an expert restriction, why Panelist declined), or nil.
    public var notice: String?
    /// The evidence the abstention decision was made on.
    public var evidence: Evidence
    /// The query as it was scored (for `:why`).
    public var query: Query
    /// For `mode == .llm`: the model that wrote the answer.
    public var model: String? = nil
    /// For `mode == .llm`: sentences of the reply that no passage supports.
    public var unsupported: [String] = []

    /// An answer of cited sentences.
    init(question: String, sentences: [AnswerSentence], citations: [Citation], retrieved: [RankedPassage], restriction: Restriction?,
         notice: String?, evidence: Evidence, query: Query) {
        self.question = question
        self.sentences = sentences
        self.citations = citations
        self.retrieved = retrieved
        self.restriction = restriction
        self.notice = notice
        self.evidence = evidence
        self.query = query
    }

    /// A refusal: `reason` and any `remark` (which restriction was active, who else answered) make its notice.
    init(question: String, declined reason: DeclineReason, remark: String = "", retrieved: [RankedPassage], restriction: Restriction?,
         topics: [ExpertSummary], evidence: Evidence, query: Query) {
        self.question = question
        sentences = []
        citations = []
        self.retrieved = retrieved
        declined = reason
        self.restriction = restriction
        self.topics = topics
        notice = reason.description + remark
        self.evidence = evidence
        self.query = query
    }

    /// Whether Panelist declined because the corpus does not cover the question.
    public var abstained: Bool { declined != nil }

    /// Whether a request to go on ("more", "and what did X say?") can continue this answer: it
    /// answered, or it was the end of a topic already answered.
    var continues: Bool {
        if case .nothingMore? = declined { return true }
        return !abstained
    }

    /// The passages the answer stands on, best first: the retrieved ones, or none when abstained.
    public var passages: [RankedPassage] { abstained ? [] : retrieved }

    /// The answer as one paragraph with `[n]` markers, or the abstention message.
    public var text: String {
        if abstained {
            if case .nothingMore(let topic)? = declined { return "That is all the corpus has on “\(topic)”." }
            return "The experts in this corpus did not address that question."
        }
        return sentences.map { sentence in
            let lead = sentence.speaker.map { "\($0): " } ?? ""
            let markers = sentence.markers
            return markers.isEmpty ? "\(lead)\(sentence.text)" : "\(lead)\(sentence.text) \(markers)"
        }.joined(separator: sentences.contains { $0.speaker != nil } ? "\n" : " ")
    }
}

extension Answer {
    /// This answer to the last topic as the reply to `question` ("and what did Gabuev say?"), saying
    /// plainly whose view it is, or that they did not address the topic.
    func restated(as question: String, experts: [Expert]) -> Answer {
        var answer = self
        answer.question = question
        answer.restriction = Restriction(experts: experts, origin: .previousTopic)
        if abstained {
            answer.declined = .notAddressed(by: experts)
            answer.notice = answer.declined?.description
        } else {
            answer.notice = answer.restriction?.description
        }
        return answer
    }
}

extension Array where Element == Citation {
    /// Cites `ranked` for the sentence `quote`: one marker per passage, numbered in order of first use.
    ///
    /// - Returns: The passage's marker number.
    mutating func cite(_ ranked: RankedPassage, quoting quote: String) -> Int {
        let index = firstIndex { $0.passage.doc == ranked.doc } ?? {
            append(Citation(n: count + 1, passage: ranked, quotes: []))
            return count - 1
        }()
        self[index].quotes.append(quote)
        return self[index].n
    }
}
