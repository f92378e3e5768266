import Foundation
import Bundled
import Retrieval
@testable import Store
import Testing

/// A build's analysing threads hand over term numbers, not tokens: read back through the terms
/// they name, they must be exactly the terms and capitals of a fresh analysis, whether a chunk
/// was analysed anew or remembered, and however small the memory of chunks.
@Suite struct TermNumbererTests {
    let analyzer = Analyzer()

    /// Texts that exercise the word rules on both the ASCII and the Unicode path.
    static let tricky = [
        "Russia's U.S. sanctions on the US, and IT in the E.U.", "U.S.-led order", "nuclear-capable post-Cold War",
        "the 4,200-kilometer border in 1987, 2.5 percent", "don't can't won't I'm", "WHAT DOES THE US DO?", "IT and US and IS",
        "x-ray -dash- --double-- a-", "...,,,'''", "", "Russia’s U.S. sanctions", "post–Cold War and non‐stop", "Übersee CAFÉ naïve",
        "ΑΘΗΝΑ Αθήνα", "日本語のテキスト",
    ]

    func texts() throws -> [String] {
        let corpus = try String(contentsOf: #require(BundledCorpus.url), encoding: .utf8)
        return corpus.split(separator: "\n").map(String.init) + Self.tricky
    }

    @Test(arguments: [1, 3, 1 << 17])
    func numberedTermsReadBackAsAFreshAnalysis(chunkLimit: Int) throws {
        let numberer = TermNumberer(analyzer: analyzer, chunkLimit: chunkLimit)
        var known: [String] = []
        for pass in 1...2 {
            for text in try texts() {
                var numbered: [NumberedTerm] = []
                let functionWords = numberer.number(text, into: &numbered)
                known += numberer.takeNewTerms()
                let fresh = analyzer.analysis(text)
                #expect(numbered.map { known[$0.number] } == fresh.tokens.map(\.term), "pass \(pass): \(text)")
                #expect(numbered.map(\.isCapitalized) == fresh.tokens.map(\.isCapitalized), "pass \(pass): \(text)")
                #expect(functionWords == fresh.functionWords, "pass \(pass): \(text)")
            }
        }
        #expect(Set(known).count == known.count, "a term was numbered twice")
    }

    @Test func newTermsAreHandedOverOnce() {
        let numberer = TermNumberer(analyzer: analyzer, chunkLimit: 2)
        var numbered: [NumberedTerm] = []
        numberer.number("sanctions and tariffs", into: &numbered)
        #expect(numberer.takeNewTerms() == ["sanction", "tariff"])
        numberer.number("Tariffs, sanctions, grain", into: &numbered)
        #expect(numberer.takeNewTerms() == ["grain"])
        #expect(numberer.takeNewTerms().isEmpty)
        #expect(numbered.map(\.number) == [0, 1, 1, 0, 2])
        #expect(numbered.map(\.isCapitalized) == [false, false, true, false, false])
    }
}
