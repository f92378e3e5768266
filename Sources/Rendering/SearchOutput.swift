import Retrieval
import Search

/// A passage as printed by `--json` modes: `{"id", "expert", "role", "question", "text", "score", "source"}`.
///
/// Field names are a public contract (docs/JSON.md). `explanation`, `coverage_factor`, `lexical_score`
/// and `similarity` appear only with `--explain` (`similarity` only for a store with vectors).
public struct PassageOutput: Codable, Sendable, Equatable {
    public var id: String
    public var expert: String
    public var role: String
    public var question: String
    public var text: String
    public var score: Double
    public var source: String
    public var explanation: [ContributionOutput]?
    /// Only with `--explain`: what topic coverage multiplied the score by (see `RankedPassage.coverageFactor`).
    public var coverageFactor: Double?
    /// Only with `--explain`: the lexical part of the score (see `RankedPassage.lexicalScore`).
    public var lexicalScore: Double?
    /// Only with `--explain` and a store with vectors: the cosine of the question's and the passage's vectors.
    public var similarity: Double?

    enum CodingKeys: String, CodingKey {
        case id, expert, role, question, text, score, source, explanation, similarity
        case coverageFactor = "coverage_factor"
        case lexicalScore = "lexical_score"
    }

    public init(_ ranked: RankedPassage, explained: Bool = false) {
        id = ranked.passage.id
        expert = ranked.passage.expert
        role = ranked.passage.role
        question = ranked.passage.question
        text = ranked.passage.text
        score = Self.rounded(ranked.score)
        source = ranked.passage.source
        explanation = explained ? ranked.contributions.map(ContributionOutput.init) : nil
        coverageFactor = explained ? Self.rounded(ranked.coverageFactor) : nil
        lexicalScore = explained ? Self.rounded(ranked.lexicalScore) : nil
        similarity = explained ? ranked.similarity.map(Self.rounded) : nil
    }

    /// Six decimals: enough to compare, and the same in every run.
    static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}

/// One matched term of an explained score: `{"term", "word", "field", "origin", "value"}`.
public struct ContributionOutput: Codable, Sendable, Equatable {
    public var term: String
    public var word: String
    public var field: String
    public var origin: String
    public var value: Double

    public init(_ contribution: Contribution) {
        term = contribution.term
        word = contribution.word
        field = contribution.field.description
        origin = contribution.origin.rawValue
        value = PassageOutput.rounded(contribution.value)
    }
}

/// What `panelist search --json` prints: `{"query", "passages": [P…]}`.
public struct SearchOutput: Codable, Sendable, Equatable {
    public var query: String
    public var passages: [PassageOutput]

    public init(query: String, result: SearchResult, explained: Bool) {
        self.query = query
        passages = result.passages.map { PassageOutput($0, explained: explained) }
    }
}
