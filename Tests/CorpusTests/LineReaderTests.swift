import Corpus
import Foundation
import Testing

@Suite struct LineReaderTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compresses `file` with the system's gzip, keeping the original.
    func gzip(_ file: URL) throws -> URL {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-k", "-f", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return file.appendingPathExtension("gz")
    }

    func lines(of path: String, chunkSize: Int = 1 << 18) throws -> [String] {
        let reader = try LineReader(path: path, chunkSize: chunkSize)
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    @Test func readsPlainAndGzipFilesAlikeAcrossChunkBoundaries() throws {
        let file = try folder().appendingPathComponent("lines.jsonl")
        let expected = (0..<500).map { "line \($0) " + String(repeating: "x", count: $0 % 37) }
        try (expected.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let compressed = try gzip(file)
        #expect(try lines(of: file.path, chunkSize: 16) == expected)
        #expect(try lines(of: compressed.path, chunkSize: 16) == expected)
        #expect(try lines(of: compressed.path) == expected)
    }

    @Test func lastLineWithoutNewlineIsKept() throws {
        let file = try folder().appendingPathComponent("a.jsonl")
        try "one\ntwo".write(to: file, atomically: true, encoding: .utf8)
        #expect(try lines(of: try gzip(file).path) == ["one", "two"])
    }

    /// A gzip file of 5,000 JSON lines, to damage.
    func compressedPassages() throws -> URL {
        let file = try folder().appendingPathComponent("big.jsonl")
        try (0..<5000).map { "{\"text\": \"passage \($0) about wheat and tariffs\"}" }.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return try gzip(file)
    }

    /// Expects reading `path` to fail with a `CorpusError` whose message holds `words`.
    func expectReadingFails(_ path: String, saying words: String) {
        #expect {
            _ = try lines(of: path)
        } throws: { error in
            (error as? CorpusError)?.message.contains(words) == true
        }
    }

    @Test func truncatedGzipIsAnError() throws {
        let compressed = try compressedPassages()
        let data = try Data(contentsOf: compressed)
        try data.prefix(data.count / 2).write(to: compressed)
        expectReadingFails(compressed.path, saying: "the compressed file is truncated")
    }

    @Test func concatenatedGzipMembersReadAsOneFile() throws {
        let root = try folder()
        let first = root.appendingPathComponent("first.jsonl"), second = root.appendingPathComponent("second.jsonl")
        try "one\ntwo\n".write(to: first, atomically: true, encoding: .utf8)
        try (0..<3000).map { "line \($0)" }.joined(separator: "\n").write(to: second, atomically: true, encoding: .utf8)
        let joined = root.appendingPathComponent("both.jsonl.gz")
        try (Data(contentsOf: gzip(first)) + Data(contentsOf: gzip(second))).write(to: joined)
        let expected = ["one", "two"] + (0..<3000).map { "line \($0)" }
        #expect(try lines(of: joined.path) == expected)
        #expect(try lines(of: joined.path, chunkSize: 16) == expected)
    }

    @Test func damagedGzipIsAnErrorThatSaysSo() throws {
        let compressed = try compressedPassages()
        var data = try Data(contentsOf: compressed)
        for offset in stride(from: data.count / 3, to: data.count / 3 + 64, by: 1) { data[offset] ^= 0x5a }
        try data.write(to: compressed)
        expectReadingFails(compressed.path, saying: "damaged compressed data")
    }

    @Test func aPathThatCannotBeReadIsAnErrorNotACrash() throws {
        let directory = try folder()
        expectReadingFails(directory.path, saying: "cannot read \(directory.path): ")
        expectReadingFails(directory.appendingPathComponent("absent.jsonl").path, saying: "check the path")
    }

    @Test func aFileThatOnlyStartsLikeGzipIsReadAsItIs() throws {
        let file = try folder().appendingPathComponent("odd.jsonl")
        try Data([0x1f, 0x41, 0x0a, 0x42]).write(to: file)
        #expect(try lines(of: file.path) == ["\u{1f}A", "B"])
    }

    @Test func compressedJSONLinesLoadLikeThePlainFile() throws {
        let file = try folder().appendingPathComponent("bulk.jsonl")
        try "{\"text\": \"First.\", \"id\": \"a\"}\n\n{\"text\": \"Second.\", \"expert\": \"Ann Lee, economist\"}\n".write(to: file, atomically: true, encoding: .utf8)
        let compressed = try gzip(file)
        let plain = try DocumentLoader().load([file])
        let unpacked = try DocumentLoader().load([compressed])
        #expect(unpacked.passages == plain.passages)
        #expect(unpacked.passages.map(\.id) == ["a", "bulk:3"])
        let stream = try DocumentStream(paths: [compressed])
        var count = 0
        _ = try stream.forEachPassage { _ in count += 1 }
        #expect(count == 2)
        #expect(stream.fractionRead == 1)
    }

    @Test func foldersIncludeCompressedJSONLines() throws {
        let root = try folder()
        let file = root.appendingPathComponent("x.jsonl")
        try "{\"text\": \"Only.\"}\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try gzip(file)
        try FileManager.default.removeItem(at: file)
        #expect(try DocumentLoader().load([root]).passages.map(\.text) == ["Only."])
    }
}
