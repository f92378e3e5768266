import Foundation
import Testing

/// The commands the README, USAGE and PERFORMANCE show do what they say.
@Suite struct DocumentationTests {
    static let root = InstallationTests.root

    static func read(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    /// The arguments of a shell line: words, and double-quoted strings as one word; up to a comment.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == "#" && !quoted {
                break
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theReadmesEvalCommandNamesAFileInThisRepository() throws {
        let readme = try Self.read("README.md")
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("panelist eval ") })
        let arguments = Self.words(String(line)).dropFirst()
        let file = try #require(arguments.dropFirst().first)
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(file).path), "\(file) is not in the repository")
        let run = try PanelistBinary().run(["eval", Self.root.appendingPathComponent(file).path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Hit@1"))
    }

    @Test func everyAskInTheDocsIsAnswered() throws {
        var asks: [[String]] = []
        for file in ["README.md", "docs/USAGE.md"] {
            for line in try Self.read(file).split(separator: "\n") where line.hasPrefix("panelist ask \"") && !line.contains("…") && !line.contains("~") {
                asks.append(Self.words(String(line)).dropFirst().filter { $0 != "--json" })
            }
        }
        #expect(asks.count >= 4)
        for ask in asks {
            let run = try PanelistBinary().run(ask + ["--json", "--no-log"])
            #expect(run.status == 0, "\(ask): \(run.stderr)")
            #expect((try? PanelistBinary.decode(AskJSON.self, from: run).abstained) == false, "\(ask) is declined")
        }
    }

    @Test func thePerformanceDocsBenchQueriesUsageRuns() throws {
        let performance = try Self.read("docs/PERFORMANCE.md").replacingOccurrences(of: "\n", with: " ")
        let usage = try #require(performance.range(of: "`panelist bench-queries [^`]*`", options: .regularExpression))
        let shown = Self.words(String(performance[usage].dropFirst().dropLast()))
        #expect(shown == ["panelist", "bench-queries", "QUERIES", "--store", "STORE"])
        let binary = try PanelistBinary()
        let queries = binary.home.appendingPathComponent("queries.jsonl")
        try #"{"qid": "1", "query": "sanctions"}"#.write(to: queries, atomically: true, encoding: .utf8)
        let store = binary.home.appendingPathComponent("bench.sqlite").path
        #expect(try binary.run(["index", "--store", store]).status == 0)
        let run = try binary.run(["bench-queries", queries.path, "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func aDamagedStoreIsRebuiltByTheCommandItsErrorGives() throws {
        let binary = try PanelistBinary()
        let notes = binary.home.appendingPathComponent("notes.md")
        try "# What about tariffs?\n\nTariffs raise consumer prices.\n".write(to: notes, atomically: true, encoding: .utf8)
        #expect(try binary.run(["index", notes.path, "--name", "work"]).status == 0)
        let custom = binary.home.appendingPathComponent("custom.sqlite").path
        #expect(try binary.run(["index", notes.path, "--store", custom]).status == 0)
        let named = binary.home.appendingPathComponent("data/panelist/corpora/work.sqlite").path
        for path in [named, custom] {
            let handle = try #require(FileHandle(forUpdatingAtPath: path))
            try handle.seek(toOffset: 8192)
            handle.write(Data(repeating: 0xFF, count: 16_384))
            try handle.close()
        }
        let damagedNamed = try binary.run(["ask", "tariffs", "--corpus", "work"])
        #expect(damagedNamed.status != 0)
        #expect(damagedNamed.stderr.contains("rebuild it with `panelist index PATH… --name work`"), "\(damagedNamed.stderr)")
        let damagedCustom = try binary.run(["search", "tariffs", "--store", custom])
        #expect(damagedCustom.status != 0)
        #expect(damagedCustom.stderr.contains("--store \(custom)`"), "\(damagedCustom.stderr)")
        // Following the advice rebuilds that store, and the default corpus is not touched.
        #expect(try binary.run(["index", notes.path, "--name", "work"]).status == 0)
        #expect(try binary.run(["ask", "tariffs", "--corpus", "work"]).status == 0)
        #expect(try binary.run(["index", notes.path, "--store", custom]).status == 0)
        #expect(try binary.run(["ask", "tariffs", "--store", custom]).status == 0)
    }
}
