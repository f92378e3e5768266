/// Where a query term came from.
public enum TermOrigin: String, Sendable, Codable {
    /// A word the user typed.
    case user
    /// A word related to one the user typed (synonym, derived form, alias, spelling correction).
    case expansion
    /// A word carried over from earlier turns of the conversation.
    case context
}

/// One term of a query with its weight before IDF.
public struct QueryTerm: Sendable, Equatable {
    /// The index term (stemmed).
    public var term: String
    /// The word that produced it, for explanations ("sanctions", or "frontier → border").
    public var word: String
    /// Its weight relative to a word the user typed once (which weighs 1).
    public var weight: Double
    public var origin: TermOrigin
    /// For an expansion or a carried-over term: the user's terms it stands for (a phrase's, in order).
    public var sources: [String]

    public init(term: String, word: String, weight: Double, origin: TermOrigin = .user, sources: [String] = []) {
        self.term = term
        self.word = word
        self.weight = weight
        self.origin = origin
        self.sources = sources
    }
}

/// An analysed question: its distinct terms with weights.
public struct Query: Sendable, Equatable {
    public var terms: [QueryTerm]
    /// Capitalised words of the question (not its first word) that neither the corpus nor any
    /// expansion or spelling variant knows: names the corpus never mentions.
    public var unknownNames: [String] = []
    /// For an expansion term that only multi-word related words brought ("survived → pull round" →
    /// `round`): the terms of the strongest such phrase, which should be found together.
    public var phrases: [String: Set<String>] = [:]
    /// The kind of value the question asks for ("How long …?": a measure), if any.
    public var answerType: AnswerType?
    /// The text compared by meaning with the passages: the question, with a follow-up's earlier question.
    public var meaningText = ""
    /// The stop words of a search, which add their weight to the passages its other words find
    /// (`FunctionWordScorer`); empty for a question to answer, whose stop words frame it.
    public var functionWords = FunctionWordSet()

    public init(terms: [QueryTerm]) {
        self.terms = terms
    }

    /// The user's own terms of `text`, a repeated word weighing `1 + ln(count)`.
    ///
    /// - Parameters:
    ///   - text: The question.
    ///   - analyzer: The analyser the index was built with.
    public init(text: String, analyzer: Analyzer) {
        self.init(tokens: analyzer.tokens(text))
    }

    /// The user's terms of already analysed text (see `init(text:analyzer:)`).
    public init(tokens: [Token]) {
        var order: [String] = []
        var counts: [String: Int] = [:]
        var words: [String: String] = [:]
        for token in tokens {
            if counts[token.term] == nil { order.append(token.term); words[token.term] = token.word }
            counts[token.term, default: 0] += 1
        }
        terms = order.map { term in
            QueryTerm(term: term, word: words[term] ?? term, weight: TFIDF.termFrequency(counts[term] ?? 1))
        }
    }

    /// Whether the query has no term at all (empty, or stop words only).
    public var isEmpty: Bool { terms.isEmpty }

    /// Adds `other`'s terms. Where a term is in both, it keeps the larger weight (with that
    /// one's word and origin) and stands for the sources of both.
    public mutating func merge(_ other: [QueryTerm]) {
        for term in other {
            if let index = terms.firstIndex(where: { $0.term == term.term }) {
                let sources = terms[index].sources + term.sources
                if term.weight > terms[index].weight {
                    terms[index].weight = term.weight
                    terms[index].word = term.word
                    terms[index].origin = term.origin
                }
                if terms[index].origin != .user, !sources.isEmpty {
                    terms[index].sources = sources.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                }
            } else {
                terms.append(term)
            }
        }
    }
}
