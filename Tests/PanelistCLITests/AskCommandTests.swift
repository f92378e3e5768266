import Foundation
import Testing

/// `ask --json` as a script sees it; every field decoded.
struct AskJSON: Decodable {
    struct Citation: Decodable {
        var n: Int
        var expert: String
        var role: String
        var passage_id: String
        var question: String
        var quote: String
    }
    var question: String
    var answer: String
    var abstained: Bool
    var mode: String
    var citations: [Citation]
    var passages: [SearchJSON.Passage]
    var notice: String?
}

@Suite struct AskCommandTests {
    @Test func jsonAnswerHasEveryContractField() throws {
        let run = try PanelistBinary().run(["ask", "Why is Putin so eager to court Trump?", "--json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["question", "answer", "abstained", "mode", "citations", "passages", "notice"])
        let answer = try PanelistBinary.decode(AskJSON.self, from: run)
        #expect(answer.question == "Why is Putin so eager to court Trump?")
        #expect(!answer.abstained)
        #expect(answer.mode == "extractive")
        #expect(answer.notice == nil)
        let first = try #require(answer.citations.first)
        #expect(first.n == 1)
        #expect(first.expert == "Dmitri Trenin")
        #expect(first.role == "director of the Carnegie Moscow Center")
        #expect(first.passage_id.hasPrefix("carnegie-moscow-experts:"))
        #expect(!first.question.isEmpty)
        #expect(answer.answer.contains(first.quote.split(separator: ".").first.map(String.init) ?? "-"))
        #expect(answer.answer.contains("[1]"))
        let cited = try #require(answer.passages.first { $0.id == first.passage_id })
        #expect(cited.text.contains(first.quote.components(separatedBy: ". ").first ?? "-"))
        #expect(answer.passages.map(\.score) == answer.passages.map(\.score).sorted(by: >))
    }

    @Test func plainAnswerListsItsSources() throws {
        let run = try PanelistBinary().run(["ask", "What does the Kremlin think of Trump?"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Sources:"))
        // Two passages of the same answer share one line.
        #expect(run.stdout.contains("[1][2] Dmitri Trenin — director of the Carnegie Moscow Center — on “What does the Kremlin think of Trump?”"))
    }

    @Test func offTopicQuestionIsDeclinedWithTheTopics() throws {
        let run = try PanelistBinary().run(["ask", "What is the recipe for banana bread?", "--json"])
        #expect(run.status == 0)
        let answer = try PanelistBinary.decode(AskJSON.self, from: run)
        #expect(answer.abstained)
        #expect(answer.citations.isEmpty)
        #expect(answer.answer.contains("did not address"))
        #expect(answer.answer.contains("Alexander Baunov"))
        #expect(answer.notice?.hasPrefix("declined") == true)
    }

    @Test func expertOptionAndNamesInTheQuestion() throws {
        let binary = try PanelistBinary()
        let named = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "What does Gabuev say about sanctions?", "--json"]))
        #expect(named.citations.allSatisfy { $0.expert == "Alexander Gabuev" })
        let option = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "sanctions", "--expert", "Alexander Baunov", "--json"]))
        #expect(option.citations.allSatisfy { $0.expert == "Alexander Baunov" })
        let unknown = try binary.run(["ask", "sanctions", "--expert", "Nobody"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("the experts are"))
    }

    /// A question may start with "-" and may be given as several words (issue 13, item 13).
    @Test func questionsThatStartWithADashOrComeAsWords() throws {
        let binary = try PanelistBinary()
        let dashed = try binary.run(["ask", "-5% growth: what do sanctions do to the economy?", "--json"])
        #expect(dashed.status == 0, "\(dashed.stderr)")
        let answer = try PanelistBinary.decode(AskJSON.self, from: dashed)
        #expect(answer.question == "-5% growth: what do sanctions do to the economy?")
        #expect(!answer.abstained)
        let words = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "What", "does", "Gabuev", "say", "about", "sanctions?", "--json"]))
        #expect(words.question == "What does Gabuev say about sanctions?")
        #expect(words.citations.allSatisfy { $0.expert == "Alexander Gabuev" })
        let typo = try binary.run(["ask", "sanctions", "--jsno"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("Error: Unknown option '--jsno'"))
    }

    @Test func badQuestionsFailWithOneLine() throws {
        let binary = try PanelistBinary()
        for question in ["", "the of and", String(repeating: "x", count: 5_000)] {
            let run = try binary.run(["ask", question])
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1)
        }
    }
}
