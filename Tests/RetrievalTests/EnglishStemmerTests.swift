import Foundation
import Retrieval
import Testing

@Suite struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    /// The `word<TAB>stem` pairs written by `scripts/make_stem_fixture.py` with PyStemmer.
    static func fixturePairs() throws -> [(word: String, stem: String)] {
        let url = try #require(
            Bundle.module.url(forResource: "porter2", withExtension: "tsv", subdirectory: "Fixtures")
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed fixture line: \(line)")
            return (String(fields[0]), String(fields[1]))
        }
    }

    @Test func matchesEveryReferenceStem() throws {
        let pairs = try Self.fixturePairs()
        #expect(pairs.count > 6_000)
        let mismatches = pairs.filter { stemmer.stem($0.word) != $0.stem }
        let report = mismatches.prefix(50).map { "\($0.word): expected \($0.stem), got \(stemmer.stem($0.word))" }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(pairs.count) stems differ:\n\(report.joined(separator: "\n"))"
        )
    }

    @Test func byteAPIAgreesWithStringAPI() throws {
        let words = try Self.fixturePairs().map(\.word) + ["café", "a", "", "'s"]
        let disagreements = words.filter { stemmer.stem(Array($0.utf8)) != Array(stemmer.stem($0).utf8) }
        #expect(disagreements.isEmpty, "byte and String stems differ for \(disagreements.prefix(20))")
    }

    @Test(arguments: [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"),
        ("vying", "vie"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ])
    func exceptionalForms(word: String, expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earrings", "earring"), ("evening", "evening"), ("proceed", "proceed"),
        ("exceed", "exceed"), ("succeed", "succeed"), ("proceeding", "proceed"), ("beginning", "begin"),
        ("agreed", "agre"), ("feed", "feed"),
    ])
    func invariantsAfterStep1a(word: String, expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("generously", "generous"), ("generate", "generat"), ("communism", "communism"),
        ("community", "communiti"), ("arsenal", "arsenal"), ("arsenic", "arsenic"),
        ("universal", "universal"), ("emergency", "emergenc"), ("organization", "organiz"),
        ("lateral", "lateral"), ("pasted", "paste"), ("international", "internat"), ("interval", "interval"),
    ])
    func r1Prefixes(word: String, expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("'quoted", "quot"), ("sky's", "ski"), ("dog's", "dog"), ("dogs'", "dog"), ("yes", "yes"),
        ("youth", "youth"), ("toys", "toy"), ("cry", "cri"), ("hopping", "hop"), ("hoping", "hope"),
        ("luxuriating", "luxuri"), ("consigned", "consign"), ("knightly", "knight"), ("cried", "cri"),
        ("ties", "tie"), ("gas", "gas"), ("this", "this"), ("adding", "add"), ("controllable", "control"),
        ("fluently", "fluentli"), ("biologist", "biolog"),
    ])
    func ruleExamples(word: String, expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: ["", "a", "is", "by", "'s", "y'"])
    func wordsShorterThanThreeBytesAreUnchanged(word: String) {
        #expect(stemmer.stem(word) == word)
        #expect(stemmer.stem(Array(word.utf8)) == Array(word.utf8))
    }

    @Test(arguments: ["café", "naïve", "résumés", "москва", "running\u{00A0}"])
    func nonASCIIWordsAreUnchanged(word: String) {
        #expect(stemmer.stem(word) == word)
        #expect(stemmer.stem(Array(word.utf8)) == Array(word.utf8))
    }
}
