import Corpus
import Retrieval
import Search

extension Answerer {
    /// How close (as a share of the best passage's score) another expert's best passage must come for
    /// an open question to be answered with both positions.
    static let closePosition = 0.9
    /// How much lower another expert's best passage may be in similarity of meaning.
    static let closeMeaning = 0.05
    /// The share of the question's topics each expert's passage must cover in words: a position is on
    /// the question's topic, not only near it.
    static let positionCoverage = 0.5

    /// For a question that names no expert: when the best passages of two or more experts are close in
    /// score and each would be answered on its own, each expert's position, grouped — so an answer does
    /// not show the first expert's view as if it were the only one. Nil when one expert stands out.
    /// A yes/no question keeps each expert's own short reply ("No, not yet.").
    func severalPositions(in result: SearchResult, top: RankedPassage, yesNo: Bool) -> [Quote]? {
        var best: [RankedPassage] = []
        for ranked in result.passages where !best.contains(where: { $0.passage.expert == ranked.passage.expert }) {
            best.append(ranked)
        }
        // Close by words and by meaning alike, and on most of the question's topics: by meaning alone,
        // every passage of a small corpus on one country's foreign policy is near every question about it
        // (measured: 10 of 92 questions of the dev, held-out and meaning sets got an unrelated second
        // expert with a score ratio alone; none with these conditions).
        let close = best.filter { ranked in
            let evidence = Self.evidence(SearchResult(query: result.query, textVector: result.textVector, passages: [ranked]))
            return ranked.score >= Self.closePosition * top.score && ranked.lexicalScore >= Self.closePosition * top.lexicalScore
                && (ranked.similarity ?? 0) >= (top.similarity ?? 0) - Self.closeMeaning
                && evidence.coverage >= Self.positionCoverage && !policy.declines(evidence)
        }
        guard close.count >= 2, close.allSatisfy({ !$0.passage.expert.isEmpty }) else { return nil }
        let weights = Self.topicalWeights(result)
        let topics = Self.topics(of: result.query)
        var picks: [Quote] = []
        for ranked in close {
            let expert = ranked.passage.expert
            let own = result.passages.filter { $0.passage.expert == expert }
            let chosen = selector.select(from: own, weights: weights, topics: topics).prefix(2).map { Quote(ranked: own[$0.passageRank], text: $0.text) }
            for (index, pick) in (yesNo ? Self.keepingShortReply(in: Array(chosen)) : Array(chosen)).enumerated() {
                picks.append(Quote(ranked: pick.ranked, text: pick.text, speaker: index == 0 ? expert : nil))
            }
        }
        return picks
    }
}
