import Corpus
import Foundation
import Testing

@Suite struct DocumentLoaderTests {
    let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func readsMarkdownWithFrontMatter() throws {
        let corpus = try DocumentLoader().load([fixtures.appendingPathComponent("sample.md")])
        #expect(corpus.passages.map(\.text) == ["Tariffs are taxes on *imports*. They raise prices.", "A list item about trade.", "Another paragraph."])
        #expect(corpus.passages.allSatisfy { $0.expert == "Jane Roe" && $0.role == "analyst at the Example Institute" })
        #expect(corpus.passages.map(\.question) == ["What about tariffs?", "What about tariffs?", "Second question?"])
    }

    @Test func readsJSONLinesWithOptionalFields() throws {
        let corpus = try DocumentLoader().load([fixtures.appendingPathComponent("bulk.jsonl")])
        #expect(corpus.passages.count == 2)
        #expect(corpus.passages[0] == Passage(id: "b1", expert: "Ann Lee", role: "economist", question: "Why?", text: "First bulk passage.", source: "bulk.jsonl", ordinal: 1))
        #expect(corpus.passages[1].id == "bulk:3")
        #expect(corpus.passages[1].expert == "")
    }

    @Test func readsFoldersRecursivelySkippingOtherFiles() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "Ann Lee, economist.\n\nWhy?\n\nBecause.".write(to: folder.appendingPathComponent("sub/a.txt"), atomically: true, encoding: .utf8)
        try Data([0, 1, 2]).write(to: folder.appendingPathComponent("image.png"))
        let corpus = try DocumentLoader().load([folder])
        #expect(corpus.passages.map(\.text) == ["Because."])
        #expect(corpus.passages.first?.expert == "Ann Lee")
    }

    @Test func rejectsBinaryFilesNamingThem() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("broken.txt")
        try Data([0x41, 0x00, 0xff, 0xfe]).write(to: file)
        let error = try #require(throws: CorpusError.self) { try DocumentLoader().load([file]) }
        #expect(error.code == .notText)
        #expect(error.message.contains("broken.txt"))
    }

    @Test func rejectsUnknownFormatsAndMissingFiles() throws {
        let folder = try temporaryFolder()
        let pdf = folder.appendingPathComponent("report.pdf")
        try Data("%PDF".utf8).write(to: pdf)
        #expect(throws: CorpusError.self) { try DocumentLoader().load([pdf]) }
        let missing = try #require(throws: CorpusError.self) { try DocumentLoader().load([folder.appendingPathComponent("nope.txt")]) }
        #expect(missing.code == .unreadable)
        #expect(missing.message.contains("nope.txt"))
    }

    @Test func rejectsMalformedJSONLinesWithLineNumber() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("bad.jsonl")
        try "{\"text\": \"ok\"}\n{\"txt\": 1}\n".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: CorpusError.self) { try DocumentLoader().load([file]) }
        #expect(error.code == .malformed)
        #expect(error.message.contains("bad.jsonl:2"))
    }

    @Test func rejectsInputWithoutPassages() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("empty.md")
        try "# Only a heading\n".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: CorpusError.self) { try DocumentLoader().load([file]) }
        #expect(error.code == .empty)
    }

    @Test func splitsLongParagraphsAtSentenceBoundaries() {
        let sentence = "This sentence has exactly ten words in it, you see."
        let paragraph = Array(repeating: sentence, count: 40).joined(separator: " ")
        let chunks = Chunker(maxWords: 180).chunks(of: paragraph)
        #expect(chunks.count == 3)
        #expect(chunks.allSatisfy { Chunker.wordCount($0) <= 180 && $0.hasSuffix("see.") })
        #expect(chunks.joined(separator: " ") == paragraph)
    }

    @Test func parsesExpertLinesButNotOrdinarySentences() {
        let parser = InterviewParser()
        let text = "Ann Lee, economist at a bank.\n\nWhat now?\n\nIn Moscow, nobody cares.\n\nJohn Smith, however, disagreed strongly.\n\nWhy so?\n\nJohn Smith, a banker, said it.\n\nBecause."
        let passages = parser.passages(in: text, source: "x.txt")
        #expect(passages.map(\.text) == ["In Moscow, nobody cares.", "John Smith, however, disagreed strongly.", "John Smith, a banker, said it.", "Because."])
        #expect(passages.allSatisfy { $0.expert == "Ann Lee" })
    }
}
