import Foundation
import Corpus
import Encoder
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
    /// What the lexical score was multiplied by for the share of the question's topics the passage
    /// covers (1 without coordination): the contributions add up to `lexicalScore / coverageFactor`.
    public var coverageFactor: Double
    /// The lexical part: TF-IDF cosine times `coverageFactor`.
    public var lexicalScore: Double
    /// The meaning part: the cosine of the question's and the passage's vectors; nil without vectors.
    public var similarity: Double?
    /// The cosine of the question's vector with each of the passage's sentences (`SentenceSplitter`'s,
    /// in order); nil when the store has no sentence vectors or the question was not embedded.
    public var sentenceSimilarities: [Double]?

    public init(doc: Int32, passage: Passage, score: Double, contributions: [Contribution], coverageFactor: Double = 1,
                lexicalScore: Double? = nil, similarity: Double? = nil) {
        self.doc = doc
        self.passage = passage
        self.score = score
        self.contributions = contributions
        self.coverageFactor = coverageFactor
        self.lexicalScore = lexicalScore ?? score
        self.similarity = similarity
    }
}

extension RankedPassage {
    /// The two parts of the score for explanations: "words 0.312, meaning 0.587".
    public var scoreParts: String {
        let words = String(format: "words %.3f", lexicalScore)
        return similarity.map { words + String(format: ", meaning %.3f", $0) } ?? words
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

    package init(query: Query, textVector: [String: Double], passages: [RankedPassage]) {
        self.query = query
        self.textVector = textVector
        self.passages = passages
    }
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
    /// The store's passage vectors and the embedder of questions, when both are at hand.
    public let meaning: MeaningIndex?
    /// Why matching by meaning is off for a store that has vectors, to tell the user once.
    public let meaningNotice: String?
    /// How many passages by score are re-ranked by topic coverage.
    public static let coordinationPool = 30
    /// The longest question accepted, in characters.
    public static let maxQuestionLength = 2_000

    /// A retriever over `store`.
    ///
    /// - Parameters:
    ///   - embedder: What embeds questions: the encoder that made the store's vectors (nil: by words only).
    ///   - embedderNotice: Why there is no embedder, said when the store has vectors.
    /// - Throws: `DatabaseError` when the store's experts or vectors cannot be read.
    public init(store: PassageStore, analyzer: Analyzer = Analyzer(), scorer: Scorer = Scorer(), settings: RetrievalSettings = RetrievalSettings(),
                embedder: (any TextEmbedder)? = nil, embedderNotice: String? = nil) throws {
        self.store = store
        self.analyzer = analyzer
        self.scorer = scorer
        expander = QueryExpander(store: store, analyzer: analyzer, settings: settings)
        experts = try store.experts()
        switch try MeaningIndex.of(store, embedder: embedder, unavailableNotice: embedderNotice) {
        case .success(let index):
            meaning = index
            meaningNotice = nil
        case .failure(let reason):
            meaning = nil
            meaningNotice = reason.notice
        }
    }

    /// The user's question as a query with its expansions, checked for length and content.
    ///
    /// - Parameters:
    ///   - question: The question.
    ///   - tokens: Its tokens (`Analyzer.tokens`) and words (`QuestionWords.split`), when already read.
    ///   - functionWords: Whether its stop words count (`Query.functionWords`): for a search, not a question to answer.
    /// - Throws: `AnswerError` when the question is too long or has no searchable word,
    ///   `DatabaseError` when the store cannot be read.
    public func query(for question: String, tokens: [Token]? = nil, words: [String]? = nil, functionWords: Bool = false) throws -> Query {
        try Self.checkLength(of: question)
        let analysis = tokens == nil || functionWords ? analyzer.analysis(question, alsoBy: ExpansionTable.phraseAnalyzer) : nil
        let tokens = tokens ?? analysis?.tokens ?? []
        var query = Query(tokens: tokens)
        if functionWords, let analysis { query.functionWords = analysis.functionWords }
        query.meaningText = question
        let genericWeight = expander.settings.genericWordWeight
        if genericWeight < 1, query.terms.contains(where: { !QuestionWords.generic.contains($0.word) && !QuestionWords.framing.contains($0.word) }) {
            if genericWeight > 0 {
                for index in query.terms.indices where QuestionWords.generic.contains(query.terms[index].word) { query.terms[index].weight *= genericWeight }
            } else {
                query.terms.removeAll { QuestionWords.generic.contains($0.word) }
            }
        }
        query.answerType = AnswerType.of(words: words ?? QuestionWords.split(question))
        guard !query.isEmpty else {
            let shown = question.trimmingWhitespace().isEmpty ? "the question is empty" : "“\(question.trimmingWhitespace())” has only common words"
            throw AnswerError(.emptyQuestion, "\(shown); ask about a topic, for example “What does the Kremlin think about sanctions?”")
        }
        return try expander.expand(query, tokens: tokens, surface: analysis?.otherTokens ?? ExpansionTable.phraseAnalyzer.tokens(question))
    }

    /// Checks that `question` is no longer than Panelist takes, before any work is spent on it.
    ///
    /// - Throws: `AnswerError.questionTooLong`.
    public static func checkLength(of question: String) throws {
        guard question.count <= maxQuestionLength else {
            throw AnswerError(.questionTooLong, "the question is \(question.count) characters long; Panelist takes at most \(maxQuestionLength) — ask something shorter")
        }
    }

    /// The expert called `name`: full name or surname, any case and accents.
    ///
    /// - Throws: `AnswerError.unknownExpert` listing the experts when nobody matches,
    ///   `.ambiguousExpert` naming them when a word of the name fits several.
    public func expert(named name: String) throws -> Expert {
        let wanted = analyzer.fold(name.trimmingWhitespace())
        if let match = experts.first(where: { analyzer.fold($0.expert.name) == wanted })
            ?? experts.first(where: { analyzer.fold($0.expert.surname) == wanted }) {
            return match.expert
        }
        // A first name or any other word of a name: one match is that expert, several are a question back.
        let partial = experts.filter { summary in
            wanted.split(separator: " ").allSatisfy { word in analyzer.fold(summary.expert.name).split(separator: " ").contains(word) }
        }
        if partial.count == 1 { return partial[0].expert }
        if partial.count > 1 {
            throw AnswerError(.ambiguousExpert, "“\(name)” could be \(partial.map(\.expert.name).joined(separator: " or ")); give the surname or full name")
        }
        let known = experts.map(\.expert.name).joined(separator: ", ")
        throw AnswerError(.unknownExpert, "no expert called “\(name)” in this corpus; the experts are: \(known.isEmpty ? "(none named)" : known)")
    }

    /// The best `k` passages for `query`, optionally restricted to one expert.
    ///
    /// Lexical: with `coordination` on (`RetrievalSettings`), the best `max(k, coordinationPool)`
    /// passages by score are re-ranked by `score × (1 − c + c × coverage)`, coverage being the share
    /// of the question's topics each covers (`TopicCoverage`, by plain weights): a passage that
    /// answers every part of a paraphrased question through weak expansions then beats one that
    /// repeats a single word of it. A question that asks for a quantity, a measure or a time
    /// (`Query.answerType`) counts the expected answer as one more topic, covered by a passage that
    /// states such a value. Before that, a multi-word expansion found only in part in a field is
    /// taken out of a passage's score (`PhraseExpansions`). A search's stop words (`Query.functionWords`)
    /// add their weight to every passage its other words find, and count as topics (`FunctionWordScorer`).
    ///
    /// By meaning, when the store has vectors (`meaning`): the pool also takes the passages whose
    /// vectors are closest to the question's, their lexical scores are computed exactly, and every
    /// passage of the pool is ranked by the `Fusion` of both parts.
    ///
    /// - Parameters:
    ///   - query: The analysed question.
    ///   - k: How many passages at most.
    ///   - expert: When given, only that expert's passages are returned.
    ///   - explain: Whether each passage carries its contributions.
    /// - Throws: `DatabaseError` when the store cannot be read, what the embedder throws.
    public func search(_ query: Query, k: Int, expert: Expert? = nil, explain: Bool = false) throws -> SearchResult {
        let allowed = try expert.map { try store.passages(ofExpert: $0.name) }
        let plan = try scorer.plan(query, in: store)
        let settings = expander.settings
        let pool = max(k, Self.coordinationPool)
        let question = settings.fusion.usesMeaning ? try meaning?.vector(of: query.meaningText) : nil
        let dense = question.flatMap { meaning?.similarities(to: $0, allowed: allowed) }
        let needsContributions = explain || settings.coordination > 0 || settings.phraseMatching || dense != nil
        let functionWords = try FunctionWordScorer(query: query, plan: plan, store: store, fieldWeight: scorer.weights[.text])
        var hits: [Hit] = []
        if settings.fusion.usesWords || dense == nil {
            let wanted = dense == nil && settings.coordination == 0 ? k : pool
            hits = scorer.rank(plan, k: wanted, allowed: allowed, explain: needsContributions, bonus: functionWords?.bonus)
        }
        if let dense {
            let lexical = Set(hits.map(\.passage))
            let closest = dense.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(pool).map(\.key).filter { !lexical.contains($0) }
            if !closest.isEmpty, settings.fusion.usesWords {
                hits += scorer.rank(plan, k: closest.count, allowed: Set(closest), explain: true, bonus: functionWords?.bonus)
            }
            let scored = Set(hits.map(\.passage))
            hits += closest.filter { !scored.contains($0) }.map { Hit(passage: $0, score: 0, contributions: []) }
        }
        if let functionWords, needsContributions {
            for index in hits.indices { functionWords.explain(&hits[index]) }
        }
        if settings.phraseMatching, !query.phrases.isEmpty {
            for index in hits.indices { PhraseExpansions.dropPartialMatches(of: query, from: &hits[index]) }
        }
        var factors = [Double](repeating: 1, count: hits.count)
        var read = [Int32: Passage](minimumCapacity: k)
        func passage(_ doc: Int32) throws -> Passage {
            if let known = read[doc] { return known }
            let fetched = try store.passage(doc)
            read[doc] = fetched
            return fetched
        }
        if settings.coordination > 0 {
            let topics = TopicCoverage(query: query, textVector: plan.textVector, functionWords: functionWords?.topics ?? [])
            if !topics.isEmpty {
                for index in hits.indices where hits[index].score > 0 {
                    var share = topics.coverage(of: hits[index].contributions, exponent: 1).share
                    if let type = query.answerType {
                        // The expected answer counts as one more topic, as heavy as the average one.
                        let topicCount = Double(topics.topicCount)
                        let answered = type.isAnswered(by: try passage(hits[index].passage).text)
                        share = (share * topicCount + (answered ? 1 : 0)) / (topicCount + 1)
                    }
                    factors[index] = 1 - settings.coordination + settings.coordination * share
                    hits[index].score *= factors[index]
                }
            }
        }
        let fused = settings.fusion.scores(lexical: hits.map(\.score), similarities: hits.map { dense?[$0.passage] })
        let order = hits.indices.sorted { (fused[$0], hits[$1].passage) > (fused[$1], hits[$0].passage) }.prefix(k)
        var passages = try order.map { index in
            RankedPassage(doc: hits[index].passage, passage: try passage(hits[index].passage), score: fused[index],
                          contributions: needsContributions ? hits[index].contributions : [], coverageFactor: factors[index],
                          lexicalScore: hits[index].score, similarity: dense?[hits[index].passage])
        }
        if let question, settings.sentenceMeaning {
            for index in passages.indices { passages[index].sentenceSimilarities = try store.sentenceSimilarities(of: passages[index].doc, to: question) }
        }
        return SearchResult(query: query, textVector: plan.textVector, passages: passages)
    }
}
