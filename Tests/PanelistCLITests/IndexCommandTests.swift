import Foundation
import Testing

@Suite struct IndexCommandTests {
    @Test func indexesFilesAndSearchesThem() throws {
        let binary = try PanelistBinary()
        let docs = binary.home.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        try "---\nexpert: Jane Roe, trade analyst\n---\n# What about tariffs?\n\nTariffs raise consumer prices.\n"
            .write(to: docs.appendingPathComponent("trade.md"), atomically: true, encoding: .utf8)
        try "{\"text\": \"Wheat harvests fell sharply.\", \"expert\": \"Ann Lee\"}\n"
            .write(to: docs.appendingPathComponent("farm.jsonl"), atomically: true, encoding: .utf8)
        let store = binary.home.appendingPathComponent("mine.sqlite").path
        let index = try binary.run(["index", docs.path, "--store", store])
        #expect(index.status == 0)
        #expect(index.stdout.contains("Indexed 2 documents: 2 experts, 2 passages"))
        let search = try binary.run(["search", "tariffs prices", "--store", store, "--json"])
        let output = try PanelistBinary.decode(SearchJSON.self, from: search)
        #expect(output.passages.first?.expert == "Jane Roe")
        #expect(output.passages.first?.role == "trade analyst")
    }

    @Test func badInputFailsWithOneLineAndKeepsTheOldStore() throws {
        let binary = try PanelistBinary()
        let store = binary.home.appendingPathComponent("s.sqlite").path
        let good = binary.home.appendingPathComponent("good.md")
        try "# Q?\n\nSanctions bite.".write(to: good, atomically: true, encoding: .utf8)
        let first = try binary.run(["index", good.path, "--store", store, "--semantic", "off"])
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("Indexed 1 document: 0 experts, 1 passage, "), "counts of one are singular: \(first.stdout)")
        let binaryFile = binary.home.appendingPathComponent("blob.txt")
        try Data([0x00, 0x01, 0xff]).write(to: binaryFile)
        let failed = try binary.run(["index", good.path, binaryFile.path, "--store", store])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("blob.txt"))
        #expect(failed.stderr.split(separator: "\n").count == 1)
        let search = try binary.run(["search", "sanctions", "--store", store, "--json"])
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.first?.text == "Sanctions bite.")
    }

    @Test func corruptOrMissingStoreGivesAClearError() throws {
        let binary = try PanelistBinary()
        let junk = binary.home.appendingPathComponent("junk.sqlite")
        try Data(repeating: 7, count: 10_000).write(to: junk)
        let corrupt = try binary.run(["search", "sanctions", "--store", junk.path])
        #expect(corrupt.status != 0)
        #expect(corrupt.stderr.contains("not a Panelist store"))
        let missing = try binary.run(["search", "sanctions", "--store", binary.home.appendingPathComponent("none.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("panelist index"))
    }
}
