import Foundation
@testable import Retrieval
import Testing

/// A chunk of ASCII letters and digits takes a short way through the analyser: it must give exactly
/// what the general word rules give, for every case, stop word, acronym and number.
@Suite struct ASCIIWordTests {
    let analyzer = Analyzer()

    /// Every run of ASCII letters and digits of the bundled corpus, and words made to hit each rule.
    func words() throws -> [String] {
        let corpus = try String(contentsOf: AnalysisPathsTests.bundledCorpus, encoding: .utf8)
        let runs = corpus.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        let made = ["US", "IT", "Us", "uS", "THE", "The", "the", "A", "I", "a", "OK", "NATO", "Nato", "x", "X", "2019", "G20", "g20", "B2B",
                    "1987s", "COVID19", "abc123XYZ", "Running", "RUNNING", "runs", "ies", "sses", "Y", "yes", "YES", "Yes"]
        // Every string of up to three of these: cases, vowels and the letters Porter2's rules turn on, digits.
        let alphabet = "aAeEiIsSyYz09".map(String.init)
        var all = alphabet
        for _ in 2...3 { all += all.filter { $0.count == all.last!.count }.flatMap { prefix in alphabet.map { prefix + $0 } } }
        return Array(Set(runs)) + made + all
    }

    @Test func theShortWayGivesWhatTheWordRulesGive() throws {
        for word in try words() {
            for hasLowercase in [true, false] {
                let short = try #require(analyzer.analyseASCIIWord(word, hasLowercase: hasLowercase), "\(word)")
                #expect(short == analyzer.analyseWords(chunk: word, hasLowercase: hasLowercase), "\(word) \(hasLowercase)")
            }
        }
    }

    @Test(arguments: ["nuclear-capable", "U.S.", "don't", "Übersee", "4,200", "it's", ""])
    func anyOtherChunkTakesTheWordRules(_ chunk: String) {
        #expect(analyzer.analyseASCIIWord(chunk, hasLowercase: true) == nil)
    }
}
