import Corpus
import Foundation
import Testing

/// Inputs the fuzz targets (`scripts/fuzz.sh`, docs/RELIABILITY.md) found to break a promise of the
/// document parsers, fed through the same API the targets use; each input is also in `Fuzz/Seeds`.
@Suite struct CorpusFuzzRegressionTests {
    let loader = DocumentLoader()

    /// A line holding only a quote marker (`>`) made a passage with no text (markdown,
    /// crash-lone-quote-marker.md, minimised to ">").
    @Test func loneQuoteMarkerMakesNoEmptyPassage() throws {
        #expect(try loader.parse(Data(">".utf8), name: "quote.md", path: "quote.md").isEmpty)
        let found = "---\r\nexpert: Ann Lee\r\n---\r\n# Why now?\r\n> \n\nmo\n"
        let passages = try loader.parse(Data(found.utf8), name: "found.md", path: "found.md")
        #expect(passages.map(\.text) == ["mo"])
        let quote = "# Why?\n\n> First part.\n>\n> Second part.\n> > \n"
        #expect(try loader.parse(Data(quote.utf8), name: "quote.md", path: "quote.md").map(\.text) == ["First part.", "Second part."])
    }

    /// A paragraph of nothing but control characters made a passage with no text once they were
    /// removed (markdown, crash-control-characters-only.md); a JSON Lines record of them is empty.
    @Test func controlCharactersAloneMakeNoPassage() throws {
        #expect(try loader.parse(Data("# Why?\n\n\u{1B}\u{07}\r\n\nReal text.\n".utf8), name: "c.md", path: "c.md").map(\.text) == ["Real text."])
        #expect(try loader.parse(Data("Q: Why?\n\n\u{1B}[2J\u{7F}\n\nReal text.\n".utf8), name: "c.txt", path: "c.txt").map(\.text) == ["Real text."])
        let error = try #require(throws: CorpusError.self) {
            try loader.parse(Data(#"{"text": "\u001b\u0007"}"#.utf8), name: "c.jsonl", path: "c.jsonl")
        }
        #expect(error.message == "c.jsonl:1: \"text\" is empty; fix or remove that line")
    }
}
