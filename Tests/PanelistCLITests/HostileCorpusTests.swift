import Foundation
import Testing

/// Corpora a careless or hostile source could hand over: they are read whole or refused with one
/// line, and nothing in them reaches the terminal as a control sequence (issue 13, items 5, 6, 9,
/// 10 and 11).
@Suite struct HostileCorpusTests {
    /// Terminal control characters: C0 but tab and line feed, DEL, and C1.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func escapeSequencesInACorpusNeverReachTheTerminal() throws {
        let binary = try PanelistBinary()
        let title = "\u{1B}]0;pwned\u{07}"
        let clear = "\u{1B}[2J\u{1B}[H"
        let link = "\u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\"
        let records = [
            ["text": "Wheat harvests fell \(clear)sharply this year. \(link) Farmers blame the drought.", "expert": "Ann\(title) Lee, grain \u{9B}31m analyst", "question": "What about wheat\(title)?"],
            ["text": "Rye prices rose\u{07} after the frost.", "expert": "Bo Chan", "question": "And rye?"],
        ]
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        let corpus = binary.home.appendingPathComponent("farm.jsonl")
        try write(lines.joined(separator: "\n") + "\n", to: corpus)
        let store = binary.home.appendingPathComponent("farm.sqlite").path
        #expect(try binary.run(["index", corpus.path, "--store", store]).status == 0)
        let runs = [
            try binary.run(["ask", "What happened to wheat harvests?", "--store", store]),
            try binary.run(["search", "wheat harvests", "--store", store, "--explain"]),
            try binary.run(["chat", "--store", store], input: "What happened to wheat harvests?\n:sources\n:open 1\n:experts\n:topics\n:why\n:expert Nobody\(title)\n:nonsense\(clear)\n"),
            try binary.run(["ask", "wheat", "--store", store, "--expert", "Nobody\(title)"]),
            try binary.run(["search", "\(clear)wheat\u{07}", "--store", store, "--expert", "\u{1B}[8mhidden"]),
        ]
        for run in runs {
            #expect(!Self.hasControlCharacters(run.stdout), "stdout: \(run.stdout.debugDescription)")
            #expect(!Self.hasControlCharacters(run.stderr), "stderr: \(run.stderr.debugDescription)")
        }
        #expect(runs[0].stdout.contains("Ann]0;pwned Lee"))
        #expect(runs[2].stdout.contains("What about wheat]0;pwned?"))
        #expect(runs[3].stderr.contains("Nobody]0;pwned"))
        #expect(runs[2].stderr.contains("Nobody]0;pwned"))
    }

    @Test func anUnreadableSubfolderFailsTheBuild() throws {
        let binary = try PanelistBinary()
        let docs = binary.home.appendingPathComponent("docs")
        try write("# Wheat?\n\nWheat harvests fell.\n", to: docs.appendingPathComponent("a.md"))
        try write("# Rye?\n\nRye prices rose.\n", to: docs.appendingPathComponent("locked/b.md"))
        let stores = binary.home.appendingPathComponent("stores")
        try FileManager.default.createDirectory(at: stores, withIntermediateDirectories: true)
        chmod(stores.path, 0o777)
        chmod(docs.appendingPathComponent("locked").path, 0o000)
        defer { chmod(docs.appendingPathComponent("locked").path, 0o755) }
        // Root reads any folder, so the build runs as an unprivileged user when the tests run as root.
        let arguments = ["index", docs.path, "--store", stores.appendingPathComponent("s.sqlite").path]
        let run = getuid() == 0
            ? try binary.run(["--reuid=65534", "--regid=65534", "--clear-groups", PanelistBinary.url.path] + arguments, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            : try binary.run(arguments)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("cannot list folder \(docs.appendingPathComponent("locked").path)"))
        #expect(!FileManager.default.fileExists(atPath: stores.appendingPathComponent("s.sqlite").path))
    }

    @Test func filesOfTheSameNameGetDistinctIdsAndAFileGivenTwiceIsReadOnce() throws {
        let binary = try PanelistBinary()
        let first = binary.home.appendingPathComponent("a/x.txt")
        let second = binary.home.appendingPathComponent("b/x.txt")
        let markdown = binary.home.appendingPathComponent("b/x.md")
        try write("Q: What about wheat?\n\nWheat harvests fell.\n", to: first)
        try write("Q: What about rye?\n\nRye prices rose.\n", to: second)
        try write("# Oats?\n\nOat exports grew.\n", to: markdown)
        let store = binary.home.appendingPathComponent("s.sqlite").path
        let index = try binary.run(["index", binary.home.appendingPathComponent("a").path, binary.home.appendingPathComponent("b").path, first.path, "--store", store])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(index.stdout.contains("Indexed 3 documents"))
        let search = try binary.run(["search", "wheat rye oat", "--store", store, "--json"])
        let passages = try PanelistBinary.decode(SearchJSON.self, from: search).passages
        #expect(Set(passages.map(\.id)) == ["a/x.txt:1", "b/x.txt:1", "b/x.md:1"])
        #expect(Set(passages.map(\.source)) == ["a/x.txt", "b/x.txt", "b/x.md"])
    }

    @Test func aByteOrderMarkOpensAFileHarmlessly() throws {
        let binary = try PanelistBinary()
        let interview = binary.home.appendingPathComponent("bom.txt")
        try write("\u{FEFF}Ann Lee, grain analyst at the Farm Institute.\n\nWhat about wheat?\n\nWheat harvests fell sharply.\n", to: interview)
        let records = binary.home.appendingPathComponent("bom.jsonl")
        try write("\u{FEFF}{\"text\": \"Rye prices rose.\", \"expert\": \"Bo Chan\"}\n", to: records)
        let store = binary.home.appendingPathComponent("s.sqlite").path
        let index = try binary.run(["index", interview.path, records.path, "--store", store])
        #expect(index.status == 0, "\(index.stderr)")
        let search = try PanelistBinary.decode(SearchJSON.self, from: try binary.run(["search", "wheat rye", "--store", store, "--json"]))
        #expect(Set(search.passages.map(\.expert)) == ["Ann Lee", "Bo Chan"])
    }

    @Test func duplicateIdsInJSONLinesAreOneLineNamingTheId() throws {
        let binary = try PanelistBinary()
        let corpus = binary.home.appendingPathComponent("dup.jsonl")
        try write("{\"id\": \"p1\", \"text\": \"Wheat fell.\"}\n{\"id\": \"p1\", \"text\": \"Rye rose.\"}\n", to: corpus)
        let run = try binary.run(["index", corpus.path, "--store", binary.home.appendingPathComponent("s.sqlite").path])
        #expect(run.status != 0)
        #expect(run.stderr == "Error: two passages have the id \"p1\" (the second from dup.jsonl); give each record its own id, or leave ids out\n")
    }

    @Test func jsonLinesErrorsNameTheFileAsGiven() throws {
        let binary = try PanelistBinary()
        let nested = binary.home.appendingPathComponent("sub/c.jsonl")
        try write("{\"text\": \"Wheat fell.\"}\n{\"txt\": 1}\n", to: nested)
        let plain = try binary.run(["index", binary.home.appendingPathComponent("sub").path, "--store", binary.home.appendingPathComponent("s.sqlite").path])
        #expect(plain.stderr.contains("\(nested.path):2: not a JSON object"))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", nested.path]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try binary.run(["index", nested.path + ".gz", "--store", binary.home.appendingPathComponent("s.sqlite").path])
        #expect(compressed.stderr.contains("\(nested.path).gz:2: not a JSON object"))
    }

    @Test func aHugeOneLineFileGivesBoundedPassagesAndAnswers() throws {
        let binary = try PanelistBinary()
        let sentence = "the harvest of wheat and rye in the northern provinces kept falling while prices rose and farmers waited "
        let corpus = binary.home.appendingPathComponent("huge.txt")
        try write("Q: What about wheat?\n\n" + String(repeating: sentence, count: 50_000) + "\n", to: corpus)
        let store = binary.home.appendingPathComponent("s.sqlite").path
        #expect(try binary.run(["index", corpus.path, "--store", store]).status == 0)
        let answer = try binary.run(["ask", "What happened to the wheat harvest?", "--store", store])
        #expect(answer.status == 0)
        #expect(answer.stdout.utf8.count < 20_000)
        let search = try PanelistBinary.decode(SearchJSON.self, from: try binary.run(["search", "wheat harvest", "--store", store, "--json"]))
        #expect(search.passages.allSatisfy { $0.text.utf8.count <= 180 * 24 })
    }
}
