import Answering
import Corpus
import Retrieval
import Search
import Testing

@Suite struct SentenceSelectorTests {
    func ranked(_ text: String, score: Double, doc: Int32) -> RankedPassage {
        RankedPassage(doc: doc, passage: Passage(id: "p\(doc)", expert: "E", role: "", question: "", text: text, source: "s", ordinal: Int(doc)),
                      score: score, contributions: [])
    }

    @Test func picksTheSentencesThatCarryTheQuestionsTermsInReadingOrder() {
        let selector = SentenceSelector(analyzer: Analyzer())
        let passages = [
            ranked("Intro sentence about nothing much here. Sanctions hurt the economy badly. Oil exports fell sharply this year.", score: 1, doc: 0),
            ranked("Unrelated words about the weather today. The economy of sanctions is complex indeed.", score: 0.5, doc: 1),
        ]
        let chosen = selector.select(from: passages, weights: ["sanction": 0.7, "economi": 0.7])
        #expect(chosen.first?.text == "Sanctions hurt the economy badly.")
        #expect(chosen.contains { $0.text == "The economy of sanctions is complex indeed." })
        #expect(!chosen.contains { $0.text.hasPrefix("Intro") || $0.text.hasPrefix("Unrelated") })
        #expect(chosen.map(\.passageRank) == chosen.map(\.passageRank).sorted())
    }

    @Test func dropsNearDuplicatesAndShortFragments() {
        let selector = SentenceSelector(analyzer: Analyzer())
        let passages = [
            ranked("Yes. Sanctions hurt the economy badly.", score: 1, doc: 0),
            ranked("Sanctions hurt the economy very badly.", score: 0.9, doc: 1),
        ]
        let chosen = selector.select(from: passages, weights: ["sanction": 0.7, "economi": 0.7])
        #expect(chosen.map(\.text) == ["Sanctions hurt the economy badly."])
    }

    @Test func fallsBackToTheLeadSentenceWhenNoSentenceMatches() {
        let selector = SentenceSelector(analyzer: Analyzer())
        let chosen = selector.select(from: [ranked("First point made here. Second point made here.", score: 1, doc: 0)], weights: ["zebra": 1])
        #expect(chosen.map(\.text) == ["First point made here."])
    }

    @Test func aSentenceOpeningWithAPronounComesWithTheOneItRefersTo() {
        var selector = SentenceSelector(analyzer: Analyzer())
        selector.maxSentences = 1
        let best = ranked("Russia has carved out a leading role in Syria. It sees no need to rely on the sanctions regime.", score: 1, doc: 0)
        #expect(selector.select(from: [best], weights: ["sanction": 0.7, "reli": 0.7]).map(\.text)
                == ["Russia has carved out a leading role in Syria.", "It sees no need to rely on the sanctions regime."])
        // Not beyond the answer's word limit, and not for another passage's sentence.
        selector.maxWords = 12
        #expect(selector.select(from: [best], weights: ["sanction": 0.7, "reli": 0.7]).map(\.text) == ["It sees no need to rely on the sanctions regime."])
        selector.maxWords = 110
        selector.maxSentences = 2
        let other = ranked("Talks went nowhere this spring. They rely on sanctions relief.", score: 0.9, doc: 1)
        let chosen = selector.select(from: [ranked("The weather held all week long.", score: 1, doc: 0), other], weights: ["sanction": 0.7, "reli": 0.7])
        #expect(!chosen.contains { $0.text.hasPrefix("Talks") })
    }

    @Test func aSentenceOpeningWithAPronounHasTheWordsOfTheOneBeforeIt() {
        var selector = SentenceSelector(analyzer: Analyzer())
        selector.maxSentences = 2
        let passage = ranked("The Kremlin watches Trump closely. They see him as unpredictable and self-centered. Trump golfed at the weekend in Florida.",
                             score: 1, doc: 0)
        let chosen = selector.select(from: [passage], weights: ["kremlin": 0.7, "trump": 0.7]).map(\.text)
        #expect(chosen == ["The Kremlin watches Trump closely.", "They see him as unpredictable and self-centered."], "\(chosen)")
    }

    @Test func aTopicCountsOnceHoweverManyOfItsExpansionsASentenceHolds() {
        var selector = SentenceSelector(analyzer: Analyzer())
        selector.maxSentences = 1
        let passages = [ranked("Asia, Beijing and the Chinese matter to China. The Kremlin weighs its ties with China.", score: 1, doc: 0)]
        let weights = ["china": 0.5, "kremlin": 0.4, "asia": 0.3, "beij": 0.3, "chines": 0.3]
        let topics = ["asia": "china", "beij": "china", "chines": "china"]
        #expect(selector.select(from: passages, weights: weights).first?.text.hasPrefix("Asia") == true)
        #expect(selector.select(from: passages, weights: weights, topics: topics).first?.text.hasPrefix("The Kremlin") == true)
    }
}
