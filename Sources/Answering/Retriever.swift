import Corpus
import Retrieval
import Store

/// A passage as ranked for a question, with its score and what made it.
public struct RankedPassage: Sendable, Equatable {
    /// The passage's number in the store.
    public var doc: Int32
    public var passage: Passage
    public var score: Double
    /// The matched terms and what each added (filled when explaining, and for the answerer).
    public var contributions: [Contribution]
    /// What the score was multiplied by for the share of the question's topics the passage
    /// covers (1 without coordination): the contributions add up to `score / coverageFactor`.
    public var coverageFactor: Double

    public init(doc: Int32, passage: Passage, score: Double, contributions: [Contribution], coverageFactor: Double = 1) {
        self.doc = doc
        self.passage = passage
        self.score = score
        self.contributions = contributions
        self.coverageFactor = coverageFactor
    }
}

/// The passages found for a question and the query that found them.
public struct SearchResult: Sendable {
    /// The analysed question as it was scored.
    public var query: Query
    /// The query's normalised text-field weights (see `Scorer.Plan.textVector`).
    public var textVector: [String: Double]
    /// Best first.
    public var passages: [RankedPassage]
}

/// Runs questions against a store: analysis, expert restriction, scoring, passage lookup.
public final class Retriever {
    public let store: PassageStore
    public let analyzer: Analyzer
    public let scorer: Scorer
    /// Adds expansions and spelling corrections to the user's terms.
    public var expander: QueryExpander
    /// The store's experts, read once.
    public let experts: [ExpertSummary]
    /// How many passages by score are re-ranked by topic coverage.
    public static let coordinationPool = 30
    /// The longest question accepted, in characters.
    public static let maxQuestionLength = 2_000

    /// A retriever over `store`.
    ///
    /// - Throws: `DatabaseError` when the store's experts cannot be read.
    public init(store: PassageStore, analyzer: Analyzer = Analyzer(), scorer: Scorer = Scorer(), settings: RetrievalSettings = RetrievalSettings()) throws {
        self.store = store
        self.analyzer = analyzer
        self.scorer = scorer
        expander = QueryExpander(store: store, analyzer: analyzer, settings: settings)
        experts = try store.experts()
    }

    /// The user's question as a query with its expansions, checked for length and content.
    ///
    /// - Throws: `AnswerError` when the question is too long or has no searchable word,
    ///   `DatabaseError` when the store cannot be read.
    public func query(for question: String) throws -> Query {
        guard question.count <= Self.maxQuestionLength else {
            throw AnswerError(.questionTooLong, "the question is \(question.count) characters long; Panelist takes at most \(Self.maxQuestionLength) — ask something shorter")
        }
        let tokens = analyzer.tokens(question)
        var query = Query(tokens: tokens)
        let genericWeight = expander.settings.genericWordWeight
        if genericWeight < 1, query.terms.contains(where: { !QuestionIntent.genericWords.contains($0.word) && !QuestionIntent.framingWords.contains($0.word) }) {
            if genericWeight > 0 {
                for index in query.terms.indices where QuestionIntent.genericWords.contains(query.terms[index].word) { query.terms[index].weight *= genericWeight }
            } else {
                query.terms.removeAll { QuestionIntent.genericWords.contains($0.word) }
            }
        }
        query.answerType = AnswerType.of(question)
        guard !query.isEmpty else {
            let shown = question.trimmingWhitespace().isEmpty ? "the question is empty" : "“\(question.trimmingWhitespace())” has only common words"
            throw AnswerError(.emptyQuestion, "\(shown); ask about a topic, for example “What does the Kremlin think about sanctions?”")
        }
        return try expander.expand(query, tokens: tokens, surface: ExpansionTable.phraseAnalyzer.tokens(question))
    }

    /// The expert called `name`: full name or surname, any case and accents.
    ///
    /// - Throws: `AnswerError.unknownExpert` listing the experts when nobody matches.
    public func expert(named name: String) throws -> Expert {
        let wanted = analyzer.fold(name.trimmingWhitespace())
        if let match = experts.first(where: { analyzer.fold($0.expert.name) == wanted })
            ?? experts.first(where: { analyzer.fold($0.expert.surname) == wanted }) {
            return match.expert
        }
        let known = experts.map(\.expert.name).joined(separator: ", ")
        throw AnswerError(.unknownExpert, "no expert called “\(name)” in this corpus; the experts are: \(known.isEmpty ? "(none named)" : known)")
    }

    /// The best `k` passages for `query`, optionally restricted to one expert.
    ///
    /// With `coordination` on (`RetrievalSettings`), the best `max(k, coordinationPool)` passages by
    /// score are re-ranked by `score × (1 − c + c × coverage)`, coverage being the share of the
    /// question's topics each covers (`TopicCoverage`, by plain weights): a passage that answers
    /// every part of a paraphrased question through weak expansions then beats one that repeats a
    /// single word of it. A question that asks for a quantity, a measure or a time (`Query.answerType`) counts
    /// the expected answer as one more topic, covered by a passage that states such a value.
    /// Before that, a multi-word expansion found only in part in a field is taken out of a
    /// passage's score (`PhraseExpansions`).
    ///
    /// - Parameters:
    ///   - query: The analysed question.
    ///   - k: How many passages at most.
    ///   - expert: When given, only that expert's passages are returned.
    ///   - explain: Whether each passage carries its contributions.
    /// - Throws: `DatabaseError` when the store cannot be read.
    public func search(_ query: Query, k: Int, expert: Expert? = nil, explain: Bool = false) throws -> SearchResult {
        let allowed = try expert.map { try store.passages(ofExpert: $0.name) }
        let plan = try scorer.plan(query, in: store)
        let coordination = expander.settings.coordination
        let pool = coordination > 0 ? max(k, Self.coordinationPool) : k
        let phraseMatching = expander.settings.phraseMatching && !query.phrases.isEmpty
        var hits = scorer.rank(plan, k: pool, allowed: allowed, explain: explain || coordination > 0 || phraseMatching)
        if phraseMatching {
            for index in hits.indices { PhraseExpansions.dropPartialMatches(of: query, from: &hits[index]) }
        }
        var factors = [Double](repeating: 1, count: hits.count)
        var read: [Int32: Passage] = [:]
        func passage(_ doc: Int32) throws -> Passage {
            if let known = read[doc] { return known }
            let fetched = try store.passage(doc)
            read[doc] = fetched
            return fetched
        }
        if coordination > 0 {
            let topics = TopicCoverage(query: query, textVector: plan.textVector)
            if !topics.isEmpty {
                for index in hits.indices {
                    var share = topics.coverage(of: hits[index].contributions, exponent: 1).share
                    if let type = query.answerType {
                        // The expected answer counts as one more topic, as heavy as the average one.
                        let topicCount = Double(topics.topicCount)
                        let answered = type.isAnswered(by: try passage(hits[index].passage).text)
                        share = (share * topicCount + (answered ? 1 : 0)) / (topicCount + 1)
                    }
                    factors[index] = 1 - coordination + coordination * share
                    hits[index].score *= factors[index]
                }
            }
        }
        let order = hits.indices.sorted { (hits[$0].score, hits[$1].passage) > (hits[$1].score, hits[$0].passage) }.prefix(k)
        let passages = try order.map { index in
            RankedPassage(doc: hits[index].passage, passage: try passage(hits[index].passage), score: hits[index].score,
                          contributions: explain ? hits[index].contributions : [], coverageFactor: factors[index])
        }
        return SearchResult(query: query, textVector: plan.textVector, passages: passages)
    }
}
