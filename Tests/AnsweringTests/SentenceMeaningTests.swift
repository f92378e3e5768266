import Answering
import Corpus
import Retrieval
import Search
import Testing

/// Sentence choice with the cosine of each sentence and the question (`RankedPassage.sentenceSimilarities`).
@Suite struct SentenceMeaningTests {
    static let text = "Russia fears missiles near Moscow. Russia and Iran are allies in Syria."

    func choose(_ similarities: [Double]?) -> [String] {
        let analyzer = Analyzer()
        let terms = analyzer.terms("Russia missiles")
        var passage = RankedPassage(doc: 0, passage: Passage(id: "p0", expert: "E", role: "", question: "", text: Self.text, source: "s", ordinal: 0),
                                    score: 1, contributions: [])
        passage.sentenceSimilarities = similarities
        return SentenceSelector(analyzer: analyzer).select(from: [passage], weights: [terms[0]: 0.8, terms[1]: 0.6]).map(\.text)
    }

    @Test func aSentenceThatSharesAWordButNotTheMeaningIsLeftOut() {
        let both = ["Russia fears missiles near Moscow.", "Russia and Iran are allies in Syria."]
        #expect(choose(nil) == both, "by words, the second sentence follows the first")
        #expect(choose([0.7, 0.45]) == [both[0]])
        #expect(choose([0.7, 0.6]) == both)
    }

    @Test func similaritiesThatDoNotMatchTheSentencesAreIgnored() {
        #expect(choose([0.7]).count == 2)
    }
}
