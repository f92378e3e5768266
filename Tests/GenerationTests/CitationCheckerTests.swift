import Corpus
import Generation
import Retrieval
import Testing

@Suite struct CitationCheckerTests {
    let checker = CitationChecker(analyzer: Analyzer())
    let passages = [
        Passage(id: "a", expert: "A", role: "", question: "", text: "Sanctions have hurt the Russian economy badly. Oil exports fell.", source: "s", ordinal: 1),
        Passage(id: "b", expert: "B", role: "", question: "", text: "China buys Russian gas through a new pipeline across Siberia.", source: "s", ordinal: 2),
    ]

    @Test func keepsTrueMarkersAndRenumbersByFirstUse() {
        let result = checker.check("China buys Russian gas through a pipeline [2]. Sanctions hurt the Russian economy [1].", passages: passages)
        #expect(result.sentences.map(\.citations) == [[1], [2]])
        #expect(result.citedPassages == [1, 0])
        #expect(result.unsupported.isEmpty)
        #expect(result.removedMarkers.isEmpty)
    }

    @Test func removesMarkersNamingNoPassageAndReportsThem() {
        let result = checker.check("Sanctions hurt the Russian economy. [7][99]", passages: passages)
        #expect(result.removedMarkers == [7, 99])
        #expect(result.sentences.first?.citations == [1])
    }

    @Test func citesAnUncitedSentenceThatOnePassageSupports() {
        let result = checker.check("China buys Russian gas through a pipeline across Siberia.", passages: passages)
        #expect(result.sentences.first?.citations == [1])
        #expect(result.citedPassages == [1])
    }

    @Test func correctsAMarkerThatNamesTheWrongPassage() {
        let result = checker.check("China buys Russian gas through a pipeline [1].", passages: passages)
        #expect(result.citedPassages == [1])
    }

    @Test func flagsSentencesNoPassageSupports() {
        let result = checker.check("Sanctions hurt the Russian economy [1]. Bananas grow best in tropical volcanic soil [2].", passages: passages)
        #expect(result.unsupported == ["Bananas grow best in tropical volcanic soil."])
        #expect(result.sentences.last?.isSupported == false)
        #expect(result.hasSupport)
        let nothing = checker.check("Penguins cannot fly at all [1].", passages: passages)
        #expect(!nothing.hasSupport)
    }

    @Test func markersAfterTheFullStopBelongToTheSentenceBefore() {
        let result = checker.check("Sanctions hurt the Russian economy. [1] China buys Russian gas through a pipeline. [2]", passages: passages)
        #expect(result.sentences.map(\.text) == ["Sanctions hurt the Russian economy.", "China buys Russian gas through a pipeline."])
        #expect(result.sentences.map(\.citations) == [[1], [2]])
    }

    @Test func lineBreaksEndSentences() {
        let result = checker.check("Passage one, by A:\nSanctions have hurt the Russian economy badly [1]", passages: passages)
        #expect(result.sentences.map(\.text) == ["Passage one, by A:", "Sanctions have hurt the Russian economy badly"])
        #expect(result.sentences.last?.citations == [1])
        #expect(result.sentences.last?.isSupported == true)
    }

    @Test func shortConnectivesAreLeftAlone() {
        let result = checker.check("Yes. Sanctions hurt the Russian economy [1].", passages: passages)
        #expect(result.sentences.first?.text == "Yes.")
        #expect(result.sentences.first?.isSupported == true)
        #expect(result.unsupported.isEmpty)
    }

    /// A sentence whose cited passage holds exactly half its weight (two of four words, the other two
    /// as rare) gets the same verdict every time, whatever the order of its words: the weights were
    /// summed in a set's order, which changes with every process and every instance, and the share
    /// fell on either side of `minimumSupport` (issue 13, item 7).
    @Test func supportAtTheThresholdIsJudgedTheSameEveryTime() {
        // "kalbor" and "quorval" are in three passages each, "mintrex" and "zenthip" in two.
        let passages = ["kalbor mintrex", "quorval zenthip", "kalbor quorval zenthip", "kalbor quorval mintrex"].enumerated().map {
            Passage(id: "p\($0.offset)", expert: "E", role: "", question: "", text: $0.element, source: "s", ordinal: $0.offset)
        }
        let words = ["kalbor", "mintrex", "quorval", "zenthip"]
        var verdicts: Set<[[Int]]> = []
        // A set's order also depends on where its storage lies: sets of the same size kept alive
        // between the calls move the next ones' storage, as a new process would.
        var ballast: [Set<String>] = []
        for rotation in 0..<words.count {
            for round in 0..<50 {
                ballast.append(Set(words))
                let order = Array(words[rotation...] + words[..<rotation])
                let sentence = (round % 2 == 0 ? order : order.reversed()).joined(separator: " ")
                verdicts.insert(checker.check("\(sentence) [1].", passages: passages).sentences.map(\.citations))
            }
        }
        #expect(verdicts == [[[1]]])
        #expect(ballast.count == 200)
    }
}
