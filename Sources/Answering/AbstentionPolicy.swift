/// How strongly the best passage supports a question, and whether that is enough to answer.
public struct Evidence: Sendable, Equatable {
    /// The share of the question's informative content (its squared, IDF-weighted text-vector
    /// weights) that the best passage matches, in its text or its question: 0…1.
    public var coverage: Double
    /// The best passage's lexical score (`RankedPassage.lexicalScore`).
    public var score: Double
    /// The user's terms that no retrieved passage contains.
    public var unmatched: [String]
    /// Names in the question that the corpus never mentions (see `Query.unknownNames`).
    public var unknownNames: [String]
    /// How many of the question's informative terms the best passage matches (directly or through
    /// an expansion).
    public var matchedTerms = 0
    /// The cosine of the question's and the best passage's vectors; nil without vectors.
    public var similarity: Double?
}

/// Decides when the corpus does not cover a question.
///
/// Panelist declines when the question names something the corpus never mentions (a capitalised
/// word that no passage, expansion or spelling variant knows: "Venezuela", "Paris"), or when the
/// best passage covers too little of what the question is about, or matches only one of its
/// informative words while covering under half of it —
/// measured by `Evidence.coverage`, which weighs each word by how rare it is in the corpus, so a
/// question whose distinctive words the corpus never uses ("Venezuela", "sourdough") is declined
/// even when its common words ("Kremlin", "think") match — or when its score is negligible.
/// The thresholds were calibrated on shared/eval/dev.jsonl (see docs/RETRIEVAL.md).
public struct AbstentionPolicy: Sendable, Equatable {
    /// The least coverage that is answered.
    public var minimumCoverage: Double
    /// The least score that is answered: 0.1 since passages are weighted by BM25 (`TermSaturation`),
    /// whose scores run about twice to four times the cosines they replaced (0.05 before). The best
    /// passage of every in-scope question of both evaluation sets scores 0.17 or more; a follow-up that
    /// matches only the terms carried from an earlier turn ("What is the recipe for banana bread?"
    /// after a question on the treaty) 0.06.
    public var minimumScore: Double
    /// Below this coverage, a best passage that matches only one of several informative terms is
    /// not evidence: one shared common word ("language", "market") is how off-topic questions match.
    public var singleTermCoverage: Double
    /// The least cosine between the question's and the best passage's vectors that is evidence on its
    /// own, when the words fall short (a paraphrase: "penalties" for "sanctions"). Questions about
    /// nothing the corpus covers stay below 0.25 with all-MiniLM-L6-v2; answerable paraphrases are
    /// above 0.35 (docs/RETRIEVAL.md). Names the corpus lacks are declined before this counts.
    public var minimumSimilarity: Double
    /// The cosine that is evidence even when the passage shares no informative word with the question:
    /// below it, a passage by the one expert asked about, on another topic, can reach 0.35.
    public var similarityAlone: Double

    public init(minimumCoverage: Double = 0.1, minimumScore: Double = 0.1, singleTermCoverage: Double = 0.5, minimumSimilarity: Double = 0.35,
                similarityAlone: Double = 0.5) {
        self.minimumCoverage = minimumCoverage
        self.minimumScore = minimumScore
        self.singleTermCoverage = singleTermCoverage
        self.minimumSimilarity = minimumSimilarity
        self.similarityAlone = similarityAlone
    }

    /// Whether `evidence` is too weak to answer from.
    public func declines(_ evidence: Evidence) -> Bool {
        guard evidence.unknownNames.isEmpty else { return true }
        if let similarity = evidence.similarity,
           similarity >= minimumSimilarity && evidence.matchedTerms > 0 || similarity >= similarityAlone {
            return false
        }
        return evidence.coverage < minimumCoverage || evidence.score < minimumScore
            || (evidence.matchedTerms < 2 && evidence.coverage < singleTermCoverage)
    }
}
