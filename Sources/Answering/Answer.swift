import Corpus
import Retrieval

/// One cited passage of an answer: its marker, the passage and the sentences quoted from it.
public struct Citation: Sendable, Equatable {
    /// The marker number, `[n]`, from 1 in order of first use.
    public var n: Int
    public var passage: RankedPassage
    /// The quoted sentences, verbatim, in answer order.
    public var quotes: [String]
}

/// A sentence of an answer and the marker of the passage it comes from.
public struct AnswerSentence: Sendable, Equatable {
    public var text: String
    public var citation: Int
    /// For "which expert" answers: the expert the sentence introduces.
    public var speaker: String?
}

/// A reply to a question: cited sentences, or a plain statement that the corpus does not cover it.
public struct Answer: Sendable {
    public var question: String
    /// How the answer was produced: "extractive" (later also "llm").
    public var mode: String
    /// The sentences with their markers; empty when abstained.
    public var sentences: [AnswerSentence]
    public var citations: [Citation]
    /// The passages the answer stands on, best first (empty when abstained).
    public var passages: [RankedPassage]
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

    /// The answer as one paragraph with `[n]` markers, or the abstention message.
    public var text: String {
        if abstained {
            return "The experts in this corpus did not address that question."
        }
        return sentences.map { sentence in
            let lead = sentence.speaker.map { "\($0): " } ?? ""
            return "\(lead)\(sentence.text) [\(sentence.citation)]"
        }.joined(separator: sentences.contains { $0.speaker != nil } ? "\n" : " ")
    }
}
