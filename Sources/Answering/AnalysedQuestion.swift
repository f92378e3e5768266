import Corpus
import Retrieval
import Search

/// A question read once into what every stage needs — its words, the experts it names, what it asks
/// for, what it asks of the last answer, and its query — so nothing after `Answerer.analyse` splits
/// the question's text again.
public struct AnalysedQuestion: Sendable {
    /// The question as the user typed it.
    public let text: String
    /// Its words, lower-cased, letters only (`QuestionWords.split`).
    public let words: [String]
    /// The experts it names, in corpus order.
    public let named: [Expert]
    /// What it asks for on its own.
    public let intent: QuestionIntent
    /// What it asks of the last answer when it is not a question of its own ("more", "and what did
    /// Gabuev say?"); a conversation honours it only after an answer.
    public let followUp: FollowUpRequest?
    /// Its terms as searched, without the names of the experts it names; the error when it has no
    /// searchable word (a request such as "more" has none, and needs none).
    let searchable: Result<Query, AnswerError>

    /// The query, or the error that says why the question cannot be searched.
    ///
    /// - Throws: `AnswerError.emptyQuestion` when it has only common words.
    public func query() throws -> Query { try searchable.get() }

    init(text: String, words: [String], named: [Expert], intent: QuestionIntent, followUp: FollowUpRequest?, searchable: Result<Query, AnswerError>) {
        self.text = text
        self.words = words
        self.named = named
        self.intent = intent
        self.followUp = followUp
        self.searchable = searchable
    }
}
