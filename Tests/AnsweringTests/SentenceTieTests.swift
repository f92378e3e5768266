@testable import Answering
import Corpus
import Retrieval
import Search
import Testing

@Suite struct SentenceTieTests {
    /// Sentences that each match the same five words (and one or two words of their own) score the
    /// same to the last bit, so the first is chosen every time — and, being near-duplicates, only it.
    /// Their scores were sums in a dictionary's order, which changes with every process, every
    /// instance and the words around, so which one was quoted changed between runs (issue 13, item 7).
    @Test func tiedSentencesScoreTheSameAndTheFirstIsChosen() {
        let analyzer = Analyzer()
        let selector = SentenceSelector(analyzer: analyzer)
        let words = ["sebmb", "secmb", "sedmb", "sefmb", "segmb"]
        var weights: [String: Double] = [:]
        for (word, weight) in zip(words, [0.4442303291337387, 0.504623943883861, 0.46929594397203944, 0.3838367143836164, 0.42478792779387065]) {
            weights[analyzer.terms(word)[0]] = weight
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var unequal = 0
        var wrong: [String] = []
        // A dictionary's order also depends on where its storage lies: dictionaries of the same size
        // kept alive between the passages move the next ones' storage, as a new process would.
        var ballast: [[String: Double]] = []
        for number in 0..<300 {
            let sentences = (0..<12).map { index in
                let own = (0...(index % 2)).map { "zz\(letters[number % 26])\(letters[number / 26])\(letters[index])\(letters[$0])q" }
                return "Sebmb secmb sedmb sefmb segmb \(own.joined(separator: " "))."
            }
            let passage = RankedPassage(doc: Int32(number), passage: Passage(id: "p\(number)", expert: "", role: "", question: "",
                                        text: sentences.joined(separator: " "), source: "s", ordinal: 0), score: 0.5, contributions: [])
            ballast.append(weights.mapValues { _ in 0 })
            if Set(selector.score([passage], weights: weights, topics: [:]).candidates.map(\.score)).count != 1 { unequal += 1 }
            let chosen = selector.select(from: [passage], weights: weights).map(\.text)
            if chosen != [sentences[0]] { wrong.append(chosen.joined(separator: " ")) }
        }
        #expect(unequal == 0, "\(unequal) of 300 passages gave their tied sentences different scores")
        #expect(wrong.isEmpty)
        #expect(ballast.count == 300)
    }
}
