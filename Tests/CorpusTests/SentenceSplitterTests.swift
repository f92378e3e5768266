import Corpus
import Testing

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    @Test func splitsAtSentenceEnds() {
        #expect(splitter.split("One thing. Another thing! A third? Yes.") == ["One thing.", "Another thing!", "A third?", "Yes."])
    }

    @Test func keepsDottedAbbreviationsInsideSentences() {
        let text = "Putin wants a privileged relationship with the U.S. president. Such a relationship shows off Russia’s status."
        #expect(splitter.split(text).count == 2)
        #expect(splitter.split("Support had been waning in the U.S. Congress, so it fell.").count == 1)
        #expect(splitter.split("Sanctions hit the U.S. The market fell.") == ["Sanctions hit the U.S.", "The market fell."])
    }

    @Test func keepsTitlesInitialsAndLatinAbbreviations() {
        #expect(splitter.split("Mr. Trenin met Dr. Smith and Donald J. Trump today.").count == 1)
        #expect(splitter.split("It seeks understanding—i.e., respect—and more, e.g. trade.").count == 1)
    }

    @Test func handlesCurlyQuotesAndDashes() {
        let text = "He said “no.” Then he left—quietly. ‘Fine,’ she said."
        #expect(splitter.split(text) == ["He said “no.”", "Then he left—quietly.", "‘Fine,’ she said."])
    }

    @Test func keepsTextWithoutFinalPunctuation() {
        #expect(splitter.split("First sentence. And a tail without a period") == ["First sentence.", "And a tail without a period"])
        #expect(splitter.split("   ") == [])
    }

    @Test func splitsEverySeedPassageIntoNonEmptySentences() throws {
        let corpus = try DocumentLoader().load([seedCorpusURL()])
        for passage in corpus.passages {
            let sentences = splitter.split(passage.text)
            #expect(!sentences.isEmpty)
            #expect(sentences.joined(separator: " ").count <= passage.text.count + sentences.count)
        }
    }
}
