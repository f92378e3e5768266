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
        #expect(choose([0.7, 0.45]) == [both[0]], "more than the floor below the closest sentence")
        // Fused, the second scores 0.4 × 0.67 of the first's words + 0.6 × its cosine: below 0.8 of the first's 0.82 at 0.6, above at 0.7.
        #expect(choose([0.7, 0.6]) == [both[0]])
        #expect(choose([0.7, 0.7]) == both)
    }

    @Test func meaningOutweighsASecondWordOfTheQuestion() {
        let analyzer = Analyzer()
        let terms = analyzer.terms("Russia missiles")
        var passage = RankedPassage(doc: 0, passage: Passage(id: "p0", expert: "E", role: "", question: "",
                                                             text: "Russia fears missiles near Moscow. Russia sees no threat from anyone in the region.",
                                                             source: "s", ordinal: 0), score: 1, contributions: [])
        var selector = SentenceSelector(analyzer: analyzer)
        selector.maxSentences = 1
        let weights = [terms[0]: 0.8, terms[1]: 0.3]
        #expect(selector.select(from: [passage], weights: weights).map(\.text) == ["Russia fears missiles near Moscow."], "by words")
        // Fused: 0.4 × 1 + 0.6 × 0.65 = 0.79 for the first, 0.4 × 0.84 + 0.6 × 0.8 = 0.81 for the second.
        passage.sentenceSimilarities = [0.65, 0.8]
        #expect(selector.select(from: [passage], weights: weights).map(\.text) == ["Russia sees no threat from anyone in the region."])
    }

    @Test func similaritiesThatDoNotMatchTheSentencesAreIgnored() {
        #expect(choose([0.7]).count == 2)
    }
}
