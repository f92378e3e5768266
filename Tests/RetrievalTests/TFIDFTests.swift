import Corpus
import Foundation
import Retrieval
import Testing

/// Query IDF and passage weights (`TermSaturation`) checked by hand on a three-passage corpus.
@Suite struct TFIDFTests {
    static func passage(_ text: String, _ number: Int) -> Passage {
        Passage(id: "p\(number)", expert: "", role: "", question: "", text: text, source: "t", ordinal: number)
    }

    let index = InMemoryIndex(passages: [
        passage("apple apple banana", 1),
        passage("banana cherry", 2),
        passage("cherry cherry cherry apple banana", 3),
    ])

    @Test func smoothedIDFNeverReachesZero() {
        #expect(abs(TFIDF.inverseDocumentFrequency(documentFrequency: 3, passageCount: 3) - 1) < 1e-12)
        #expect(abs(TFIDF.inverseDocumentFrequency(documentFrequency: 2, passageCount: 3) - (log(4.0 / 3.0) + 1)) < 1e-12)
        #expect(TFIDF.termFrequency(1) == 1)
        #expect(abs(TFIDF.termFrequency(3) - (1 + log(3.0))) < 1e-12)
    }

    /// BM25's weight with k1 1.2 and b 0.75; the three passages' text fields average 10/3 terms.
    static func saturated(_ count: Double, length: Double) -> Double {
        count / (count + 1.2 * (0.25 + 0.75 * length / (10.0 / 3.0)))
    }

    @Test func passageWeightsMatchHandComputation() throws {
        let appleList = try #require(index.postingList(for: "appl", in: .text))
        #expect(appleList.documentFrequency == 2)
        // Weights are kept to 16 bits: within half a step (1/131,070) of the exact value.
        let step = 0.5 / WeightQuantization.steps + 1e-7
        #expect(abs(Double(appleList.postings[0].weight) - Self.saturated(2, length: 3)) < step)
        #expect(abs(Double(appleList.postings[1].weight) - Self.saturated(1, length: 5)) < step)
        let bananaList = try #require(index.postingList(for: "banana", in: .text))
        #expect(bananaList.postings.map(\.passage) == [0, 1, 2])
        #expect(abs(Double(bananaList.postings[1].weight) - Self.saturated(1, length: 2)) < step)
    }

    @Test func scoreIsBM25OverTheQueryLength() throws {
        let scorer = Scorer(weights: FieldWeights(text: 1, question: 0, expert: 0))
        let hits = try scorer.search(Query(text: "cherry", analyzer: Analyzer()), in: index, k: 3, explain: true)
        #expect(hits.map(\.passage) == [2, 1])
        // One query term: its normalised query weight is 1, so the score is the saturated frequency.
        #expect(abs(hits[0].score - Self.saturated(3, length: 5)) < 0.5 / WeightQuantization.steps + 1e-7)
        #expect(abs(hits[1].score - Self.saturated(1, length: 2)) < 0.5 / WeightQuantization.steps + 1e-7)
        #expect(hits[0].contributions.map(\.term) == ["cherri"])
        #expect(abs(hits[0].contributions[0].value - hits[0].score) < 1e-9)
    }

    @Test func repeatsSaturateAndLongFieldsWeighLess() {
        let weighting = TermSaturation.standard
        let once = weighting.weight(count: 1, length: 10, averageLength: 10)
        let twice = weighting.weight(count: 2, length: 10, averageLength: 10)
        #expect(once < twice && twice < 2 * once)
        #expect(weighting.weight(count: 50, length: 10, averageLength: 10) < 1)
        #expect(weighting.weight(count: 1, length: 40, averageLength: 10) < once)
        #expect(weighting.weight(count: 1, length: 3, averageLength: 10) > once)
        #expect(TermSaturation(k1: 1.2, b: 0).weight(count: 1, length: 40, averageLength: 10) == TermSaturation(k1: 1.2, b: 0).weight(count: 1, length: 3, averageLength: 10))
    }
}
