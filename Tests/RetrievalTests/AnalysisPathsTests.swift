import Foundation
@testable import Retrieval
import Testing

/// The analyser reads ASCII text from its bytes and other text from its Unicode scalars: both ways
/// must give the same tokens.
@Suite struct AnalysisPathsTests {
    let analyzer = Analyzer()

    /// Texts that exercise every word rule, in ASCII.
    static let trickyASCII = [
        "Russia's U.S. sanctions on the US, and IT in the E.U.", "tell us more", "U.S.-led order",
        "the 4,200-kilometer border in 1987, 2.5 percent, 1,000,000 or 3.14159", "nuclear-capable post-Cold War",
        "the countries' border, 'quoted' words, rock 'n' roll", "don't can't won't I'm", "A.B.C.D. e.g. i.e., etc.",
        "WHAT DOES THE US DO?", "IT and US and IS", "end with an abbreviation U.S.", "x-ray -dash- --double-- a-",
        "ends with apostrophe James' ", "trailing period.", "'leading", "...,,,'''", "", "   ",
        "C3PO R2-D2 mp3 100-200 v1.2.3 a.b", "Wait...what? Yes-no. 3,4 a,b 3, 4",
    ]

    /// Texts with curly quotes, dashes, accented and other non-ASCII letters.
    static let trickyUnicode = [
        "Russia’s U.S. sanctions", "the countries’ border", "post–Cold War and non‐stop non‑stop", "understanding—i.e., respect",
        "Übersee CAFÉ naïve façade Ægir straße", "‘quoted’ ʼokina", "ΑΘΗΝΑ Αθήνα", "٣٤٥ numbers ½ Ⅻ", "日本語のテキスト",
    ]

    @Test(arguments: trickyASCII)
    func asciiBytesAndUnicodeScalarsGiveTheSameTokens(_ text: String) {
        // A leading no-break space (a separator, like the start of the text) sends the text down the Unicode path.
        #expect(analyzer.tokens(text) == analyzer.tokens("\u{00A0} " + text))
    }

    @Test func bundledCorpusLinesAgreeOnBothPaths() throws {
        let corpus = try String(contentsOf: Self.bundledCorpus, encoding: .utf8)
        for line in corpus.split(separator: "\n").map(String.init) {
            // Curly quotes are read as their straight ASCII forms.
            let straight = line.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
                .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
            if straight.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(analyzer.tokens(straight) == analyzer.tokens(line), "\(line)")
                #expect(analyzer.tokens(straight) == analyzer.tokens("\u{00A0} " + straight), "\(line)")
            }
        }
    }

    /// One pass reads a question both without and with its stop words, as two passes would.
    @Test(arguments: trickyASCII + trickyUnicode + ["Has Moscow been let down by the American president?", "What will the US make up for?"])
    func onePassGivesTheOtherAnalysersTokensToo(_ text: String) {
        let phrases = ExpansionTable.phraseAnalyzer
        let both = analyzer.analysis(text, alsoBy: phrases)
        #expect(both.otherTokens == phrases.tokens(text))
        #expect(both.tokens == analyzer.tokens(text))
        #expect(both.functionWords == analyzer.analysis(text).functionWords)
    }

    static let bundledCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("store/carnegie-moscow-experts.txt")
}
