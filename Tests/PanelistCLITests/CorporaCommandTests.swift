import Foundation
import Store
import Testing

/// Named corpora: `index --name`, `corpora`, `--corpus`, `corpora remove`, and the default kept safe.
@Suite struct CorporaCommandTests {
    struct CorpusJSON: Decodable {
        var name: String
        var experts: Int
        var passages: Int
        var bytes: Int64
        var built: String
        var source: [String]
        var path: String
    }

    func notes(in binary: PanelistBinary) throws -> URL {
        let notes = binary.home.appendingPathComponent("notes.md")
        try "# What about tariffs?\n\nTariffs raise consumer prices.\n".write(to: notes, atomically: true, encoding: .utf8)
        return notes
    }

    @Test func buildsListsUsesAndRemovesANamedCorpus() throws {
        let binary = try PanelistBinary()
        let notes = try notes(in: binary)
        let built = try binary.run(["index", notes.path, "--name", "work"])
        #expect(built.status == 0, "\(built.stderr)")
        let file = binary.home.appendingPathComponent("data/panelist/corpora/work.sqlite").path
        #expect(StoreFile(at: file) == .store(schema: Schema.currentVersion))
        let listed = try binary.run(["corpora", "--json"]).stdout.split(separator: "\n")
            .map { try JSONDecoder().decode(CorpusJSON.self, from: Data($0.utf8)) }
        #expect(listed.map(\.name) == ["default", "work"])
        #expect(listed[0].experts == 3 && listed[0].passages == 34 && listed[0].source == ["carnegie-moscow-experts.txt"])
        #expect(listed[1].passages == 1 && listed[1].source == [notes.path] && listed[1].bytes > 0)
        let table = try binary.run(["corpora"]).stdout
        #expect(table.contains("NAME") && table.contains("work") && table.contains("default"))
        let answer = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "tariffs", "--corpus", "work", "--json"]))
        #expect(answer.answer.contains("Tariffs raise consumer prices."))
        #expect(try binary.run(["search", "tariffs", "--corpus", "work"]).stdout.contains("Tariffs"))
        #expect(try binary.run(["corpora", "remove", "work"]).status == 0)
        #expect(StoreFile(at: file) == .absent)
        let gone = try binary.run(["ask", "tariffs", "--corpus", "work"])
        #expect(gone.status != 0)
        #expect(gone.stderr.contains("no corpus called 'work'"))
    }

    @Test func indexWithoutANameLeavesTheDefaultCorpusAndAsksForOne() throws {
        let binary = try PanelistBinary()
        let notes = try notes(in: binary)
        let store = binary.home.appendingPathComponent("default.sqlite").path
        #expect(try binary.run(["ask", "sanctions"], environment: ["PANELIST_STORE": store]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let run = try binary.run(["index", notes.path], environment: ["PANELIST_STORE": store])
        #expect(run.status != 0)
        #expect(run.stderr.contains("would replace the default corpus"))
        #expect(run.stderr.contains("--name notes"))
        let named = try binary.run(["index", notes.path, "--name", "default"], environment: ["PANELIST_STORE": store])
        #expect(named.status != 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try binary.run(["corpora", "remove", "default"]).stderr.contains("cannot be removed"))
    }

    @Test func badNamesAreRefusedInOneLine() throws {
        let binary = try PanelistBinary()
        for name in ["../escape", ".hidden", "a/b", ""] {
            let run = try binary.run(["ask", "sanctions", "--corpus", name])
            #expect(run.status != 0)
            #expect(run.stderr.contains("cannot name a corpus"), "\(name): \(run.stderr)")
        }
        let both = try binary.run(["ask", "sanctions", "--corpus", "x", "--store", "y"])
        #expect(both.stderr.contains("not both"))
    }

    @Test func theChatSwitchesCorpus() throws {
        let binary = try PanelistBinary()
        #expect(try binary.run(["index", try notes(in: binary).path, "--name", "work"]).status == 0)
        let run = try binary.run(["chat"], input: ":corpus\n:corpus work\nWhat about tariffs?\n:corpus nope\n:corpus default\n")
        #expect(run.stdout.contains("Corpus: default (carnegie-moscow-experts.txt). Corpora: default, work."))
        #expect(run.stdout.contains("Panelist — work (notes.md): 0 experts, 1 passage;"))
        #expect(run.stdout.contains("Tariffs raise consumer prices."))
        #expect(run.stderr.contains("no corpus called 'nope'"))
        #expect(run.stdout.contains("Panelist — default (carnegie-moscow-experts.txt): 3 experts, 34 passages"))
    }
}
