import Foundation
import Testing

/// `search --json` as a script sees it; decoded field by field.
struct SearchJSON: Decodable {
    struct Passage: Decodable {
        var id: String
        var expert: String
        var role: String
        var question: String
        var text: String
        var score: Double
        var source: String
        var explanation: [Contribution]?
        var coverage_factor: Double?
        var lexical_score: Double?
        var similarity: Double?
    }
    struct Contribution: Decodable {
        var term: String
        var word: String
        var field: String
        var origin: String
        var value: Double
    }
    var query: String
    var passages: [Passage]
}

@Suite struct SearchCommandTests {
    @Test func searchJSONHasTheContractFields() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["search", "Why is Putin so eager to court Trump?", "--json", "--k", "3"])
        #expect(run.status == 0)
        let output = try PanelistBinary.decode(SearchJSON.self, from: run)
        #expect(output.query == "Why is Putin so eager to court Trump?")
        #expect(output.passages.count == 3)
        let first = try #require(output.passages.first)
        #expect(first.expert == "Dmitri Trenin")
        #expect(first.role == "director of the Carnegie Moscow Center")
        #expect(first.question.hasPrefix("Why is Russian President Vladimir Putin"))
        #expect(first.source == "carnegie-moscow-experts.txt")
        #expect(first.id.hasPrefix("carnegie-moscow-experts:"))
        #expect(first.explanation == nil)
        #expect(output.passages.map(\.score) == output.passages.map(\.score).sorted(by: >))
    }

    @Test(arguments: [["-k", "2"], ["-k2"], ["--k", "2"], ["--k=2"]])
    func theNumberOfPassagesCanBeGivenShortOrLongAfterTheQuestion(option: [String]) throws {
        let run = try PanelistBinary().run(["search", "Why", "is", "Putin", "so", "eager", "to", "court", "Trump?", "--json"] + option)
        #expect(run.status == 0)
        let output = try PanelistBinary.decode(SearchJSON.self, from: run)
        #expect(output.query == "Why is Putin so eager to court Trump?")
        #expect(output.passages.count == 2)
    }

    @Test func explainListsMatchedTermsThatAddUpToTheScore() throws {
        let run = try PanelistBinary().run(["search", "sanctions relief", "--json", "--explain", "--k", "1"])
        let passage = try #require(try PanelistBinary.decode(SearchJSON.self, from: run).passages.first)
        let contributions = try #require(passage.explanation)
        #expect(contributions.contains { $0.term == "sanction" && $0.word == "sanctions" })
        let factor = try #require(passage.coverage_factor)
        #expect(factor > 0 && factor <= 1)
        #expect(abs(contributions.map(\.value).reduce(0, +) * factor - passage.score) < 1e-4)
        let text = try PanelistBinary().run(["search", "sanctions relief", "--explain", "--k", "1"])
        #expect(text.stdout.contains("sanction ← “sanctions” in text"))
    }

    @Test func expertFilterAcceptsSurnameAndRejectsUnknownNames() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["search", "sanctions", "--expert", "baunov", "--json"])
        #expect(try PanelistBinary.decode(SearchJSON.self, from: run).passages.allSatisfy { $0.expert == "Alexander Baunov" })
        let unknown = try binary.run(["search", "sanctions", "--expert", "Smith"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("Dmitri Trenin, Alexander Gabuev, Alexander Baunov"))
    }

    /// A span of a passage is found by its stop words too: "herself on the rock" has one word that is
    /// not a stop word, and the passage with the others ranks above one that repeats "rock".
    @Test func stopWordsOfASearchRankAmongThePassagesItsOtherWordsFind() throws {
        let binary = try PanelistBinary()
        let corpus = binary.home.appendingPathComponent("shore.jsonl")
        try [
            #"{"id": "music", "text": "Rock bands play rock music, loud rock."}"#,
            #"{"id": "shore", "text": "She sat herself on the rock by the sea."}"#,
            #"{"id": "sea", "text": "Herself and the sea, on and on."}"#,
        ].joined(separator: "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let store = binary.home.appendingPathComponent("shore.sqlite").path
        #expect(try binary.run(["index", corpus.path, "--store", store, "--semantic", "off"]).status == 0)
        let run = try binary.run(["search", "herself on the rock", "--store", store, "--json", "--explain"])
        let passages = try PanelistBinary.decode(SearchJSON.self, from: run).passages
        // Only passages with "rock" are found; the stop words order them.
        #expect(passages.map(\.id) == ["shore", "music"])
        let explanation = try #require(passages.first?.explanation)
        #expect(Set(explanation.filter { $0.term != "rock" }.map(\.term)) == ["herself", "on", "the"])
        #expect(explanation.allSatisfy { $0.field == "text" && $0.origin == "user" })
        // Without them, the passage that repeats "rock" comes first.
        let plain = try binary.run(["search", "rock", "--store", store, "--json"])
        #expect(try PanelistBinary.decode(SearchJSON.self, from: plain).passages.map(\.id) == ["music", "shore"])
    }

    @Test func emptyAndStopWordQueriesGetAClearMessage() throws {
        let binary = try PanelistBinary()
        for query in ["", "   ", "what is the", String(repeating: "word ", count: 1_000)] {
            let run = try binary.run(["search", query])
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(run.stdout.isEmpty)
        }
    }
}
