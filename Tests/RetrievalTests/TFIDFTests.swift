import Corpus
import Foundation
import Retrieval
import Testing

/// TF-IDF values checked by hand on a three-passage corpus.
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

    @Test func passageVectorsMatchHandComputation() throws {
        let idfApple = log(4.0 / 3.0) + 1
        let idfBanana = 1.0
        let apple = (1 + log(2.0)) * idfApple
        let norm = (apple * apple + idfBanana * idfBanana).squareRoot()
        let appleList = try #require(index.postingList(for: "appl", in: .text))
        #expect(appleList.documentFrequency == 2)
        // Weights are kept to 16 bits: within half a step (1/131,070) of the exact value.
        let step = 0.5 / WeightQuantization.steps + 1e-7
        #expect(abs(Double(appleList.postings[0].weight) - apple / norm) < step)
        let bananaList = try #require(index.postingList(for: "banana", in: .text))
        #expect(bananaList.postings.map(\.passage) == [0, 1, 2])
        #expect(abs(Double(bananaList.postings[0].weight) - idfBanana / norm) < step)
    }

    @Test func cosineScoreMatchesHandComputation() throws {
        let scorer = Scorer(weights: FieldWeights(text: 1, question: 0, expert: 0))
        let hits = try scorer.search(Query(text: "cherry", analyzer: Analyzer()), in: index, k: 3, explain: true)
        #expect(hits.map(\.passage) == [2, 1])
        let idf = log(4.0 / 3.0) + 1
        let cherry3 = (1 + log(3.0)) * idf
        let expected = cherry3 / (cherry3 * cherry3 + (log(4.0 / 3.0) + 1) * (log(4.0 / 3.0) + 1) + 1).squareRoot()
        #expect(abs(hits[0].score - expected) < 0.5 / WeightQuantization.steps + 1e-7)
        #expect(hits[0].contributions.map(\.term) == ["cherri"])
        #expect(abs(hits[0].contributions[0].value - hits[0].score) < 1e-9)
    }

    @Test func vectorsAreUnitLength() {
        var squares: [Int32: Double] = [:]
        for list in index.lists[.text, default: [:]].values {
            for posting in list.postings { squares[posting.passage, default: 0] += Double(posting.weight * posting.weight) }
        }
        // Each 16-bit weight is off by at most half a step, so a square sum by at most about 2 × step × √terms.
        #expect(squares.values.allSatisfy { abs($0 - 1) < 1e-4 })
    }
}
