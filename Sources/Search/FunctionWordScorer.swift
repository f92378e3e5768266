import Retrieval
import Store

/// Adds the BM25 weight of a search's stop words to the passages its other words find.
///
/// Each stop word of the query weighs its IDF, in the text field's query vector as normalised
/// without the stop words (so the other words' scores are unchanged); a passage that has it gains
/// that times its saturated frequency as if it occurred once (`TermSaturation`, by the passage's text
/// length). Only passages that match another word are scored (a stop word alone finds nothing):
/// MaxScore adds this to each passage its lists find, and the most it can add to every bound, so
/// the ranking stays exact.
final class FunctionWordScorer {
    /// The query's stop words with their indices, in `StopWords.ordered` order.
    let words: [(word: String, index: Int)]
    /// The weight of each of `words`, in the same order; apart from them, as `score` runs for every
    /// passage a search scores.
    let weights: [Double]
    /// The passages that have each of `words`, in the same order.
    let bitmaps: [PassageBitmap]
    let table: FunctionWordTable
    /// The most the stop words can add to a passage.
    let bound: Double

    /// The scorer of `query`'s stop words, nil when it has none, the plan has no other word or the
    /// store keeps no stop words.
    ///
    /// - Throws: `DatabaseError` when the store's bitmaps cannot be read.
    init?(query: Query, plan: Scorer.Plan, store: PassageStore, fieldWeight: Double) throws {
        guard !query.functionWords.isEmpty, plan.textNorm > 0, let table = try store.functionWords() else { return nil }
        words = query.functionWords.indices.map { (StopWords.ordered[$0], $0) }
        weights = query.functionWords.indices.map { index in
            fieldWeight * TFIDF.inverseDocumentFrequency(documentFrequency: table.frequencies[index], passageCount: store.passageCount) / plan.textNorm
        }
        bitmaps = try words.compactMap { try store.passages(withFunctionWord: $0.index) }
        guard bitmaps.count == words.count else { return nil }
        self.table = table
        bound = weights.reduce(0, +) * table.weight(length: 0)
    }

    /// The stop words as topics of the query (`TopicCoverage`), with their weights.
    var topics: [(word: String, weight: Double)] {
        zip(words, weights).map { ($0.word, $1) }
    }

    /// What the stop words add to each passage the other words find, for the scorer to rank by.
    var bonus: Scorer.Bonus {
        Scorer.Bonus(bound: bound, contributionCount: words.count) { self.score(of: $0) }
    }

    /// The stop words' weight in passage `doc`.
    func score(of doc: Int32) -> Double {
        var sum = 0.0
        for (weight, bitmap) in zip(weights, bitmaps) where bitmap.contains(doc) { sum += weight }
        return sum > 0 ? sum * table.weight(of: doc) : 0
    }

    /// Adds to `hit` the contributions of its stop words (none for a passage found by meaning alone,
    /// which the stop words did not score), in place: its array is grown, not copied.
    func explain(_ hit: inout Hit) {
        guard hit.score > 0 else { return }
        let passageWeight = table.weight(of: hit.passage)
        var added = false
        for index in words.indices where bitmaps[index].contains(hit.passage) {
            let (word, weight) = (words[index].word, weights[index])
            hit.contributions.append(Contribution(term: word, word: word, field: .text, origin: .user,
                                                  queryWeight: weight, passageWeight: passageWeight, value: weight * passageWeight))
            added = true
        }
        if added { hit.contributions.sort { $0.value > $1.value } }
    }
}
