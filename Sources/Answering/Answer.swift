import Corpus
import Retrieval

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

/// A reply to a question: cited sentences, or a plain statement that the corpus does not cover it.
public struct Answer: Sendable {
    public var question: String
    /// How the answer was produced: "extractive" (later also "llm").
    public var mode: String
    /// The sentences with their markers; empty when abstained.
    public var sentences: [AnswerSentence]
    public var citations: [Citation]
    /// Every passage retrieved, best first, even when Panelist declined (for `:why` and evaluation).
    public var retrieved: [RankedPassage]
    /// Whether Panelist declined because the corpus does not cover the question.
    public var abstained: Bool
    /// The topics the corpus covers, by expert; filled when abstained.
    public var topics: [ExpertSummary]
    /// A one-line remark (an expert restriction, why Panelist declined), or nil.
    public var notice: String?
    /// The evidence the abstention decision was made on.
    public var evidence: Evidence
    /// The query as it was scored (for `:why`).
    public var query: Query
    /// For `mode == "llm"`: the model that wrote the answer.
    public var model: String? = nil
    /// For `mode == "llm"`: sentences of the reply that no passage supports.
    public var unsupported: [String] = []

    /// The passages the answer stands on, best first: the retrieved ones, or none when abstained.
    public var passages: [RankedPassage] { abstained ? [] : retrieved }

    /// The answer as one paragraph with `[n]` markers, or the abstention message.
    public var text: String {
        if abstained {
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
        let names = experts.map(\.name).joined(separator: " and ")
        answer.notice = abstained ? "declined: \(names) did not address this topic" : "restricted to \(names), on the previous topic"
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
