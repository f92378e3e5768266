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

    @Test func aWeakerAnswerThatSharesOnlyANameDoesNotPadTheAnswer() {
        let analyzer = Analyzer()
        let terms = analyzer.terms("Moscow Iran")
        func ranked(_ doc: Int32, _ expert: String, _ text: String, score: Double, cosine: Double) -> RankedPassage {
            var passage = RankedPassage(doc: doc, passage: Passage(id: "p\(doc)", expert: expert, role: "", question: "", text: text, source: "s", ordinal: 0),
                                        score: score, contributions: [])
            passage.sentenceSimilarities = [cosine]
            return passage
        }
        let answer = "Russia and Iran are allies in Syria."
        let padding = "Russians fear missiles with a short flight time to Moscow."
        func chosen(weakerScore: Double) -> [String] {
            let passages = [ranked(0, "A", answer, score: 1, cosine: 0.48), ranked(1, "B", padding, score: weakerScore, cosine: 0.44)]
            return SentenceSelector(analyzer: analyzer).select(from: passages, weights: [terms[0]: 0.8, terms[1]: 0.5]).map(\.text)
        }
        #expect(chosen(weakerScore: 1) == [answer, padding], "passages alike: the name's sentence follows")
        // The name's sentence is best by words; fused, 0.4 + 0.6 × 0.44 = 0.66, times √0.4: 0.42, below
        // 0.8 of the answer's 0.59 (without the passage's share it would lead, and the answer follow).
        #expect(chosen(weakerScore: 0.4) == [answer], "the weaker passage's sentence falls below the follow ratio")
    }

    @Test func similaritiesThatDoNotMatchTheSentencesAreIgnored() {
        #expect(choose([0.7]).count == 2)
    }
}
