import Retrieval
import Testing

@Suite struct StopWordsTests {
    @Test func sizeIsThatOfTheSnowballList() {
        #expect((170...180).contains(StopWords.english.count))
    }

    @Test(arguments: ["the", "a", "an", "and", "of", "to", "in", "is", "it", "was", "not", "what", "which", "very"])
    func containsFunctionWords(word: String) {
        #expect(StopWords.english.contains(word))
    }

    @Test(arguments: ["don't", "isn't", "it's", "can't", "let's", "cannot"])
    func containsContractionsWithStraightApostrophes(word: String) {
        #expect(StopWords.english.contains(word))
    }

    @Test(arguments: ["russia", "sanctions", "putin", "moscow", "economy", "president", "war"])
    func excludesContentWords(word: String) {
        #expect(!StopWords.english.contains(word))
    }

    @Test func entriesAreLowerCasedWithoutCurlyApostrophes() {
        for word in StopWords.english {
            #expect(word == word.lowercased() && !word.contains("\u{2019}"), "\(word)")
        }
    }
}
