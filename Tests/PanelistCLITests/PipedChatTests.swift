import Foundation
import Testing

@Suite struct PipedChatTests {
    /// The object `chat --json` writes for a line that fails.
    struct ErrorJSON: Decodable, Equatable {
        var error: String
        var line: Int
        var question: String?
    }

    @Test func jsonModeWritesOneObjectPerAnswerOrFailedLineAndNothingElse() throws {
        let input = "What does the Kremlin think about China?\n:experts\n\nDoes it trust them?\n:nonsense\nWhat is the recipe for banana bread?\n"
        let run = try PanelistBinary().run(["chat", "--json"], input: input)
        #expect(run.status == 0)
        var lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let failure = try JSONDecoder().decode(ErrorJSON.self, from: Data(lines.remove(at: 2).utf8))
        #expect(failure.line == 5 && failure.question == ":nonsense")
        #expect(failure.error.hasPrefix("unknown command :nonsense"))
        let answers = try lines.map { try JSONDecoder().decode(AskJSON.self, from: Data($0.utf8)) }
        #expect(answers.map(\.question) == ["What does the Kremlin think about China?", "Does it trust them?", "What is the recipe for banana bread?"])
        #expect(answers[1].citations.first?.quote.contains("trust China") == true)
        #expect(answers[2].abstained)
        #expect(run.stderr.contains("unknown command :nonsense"))
        #expect(run.stderr.contains("Dmitri Trenin"))
    }

    @Test func failedQuestionGivesAnErrorObjectWithEveryKey() throws {
        let long = String(repeating: "sanctions ", count: 300)
        let run = try PanelistBinary().run(["chat", "--json"], input: "the of and\n\(long)\n")
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["error", "line", "question"])
        let failures = try lines.map { try JSONDecoder().decode(ErrorJSON.self, from: Data($0.utf8)) }
        #expect(failures.map(\.line) == [1, 2])
        #expect(failures[0].error.contains("has only common words"))
        #expect(failures[1].error.contains("2999 characters long"))
        #expect(run.stderr.split(separator: "\n").count == 2)
    }

    @Test func overLongLinesAreSkippedUnreadAndTheChatGoesOn() throws {
        let huge = String(repeating: "sanctions ", count: 5_000_000)
        let continued = String(repeating: String(repeating: "x", count: 40_000) + "\\\n", count: 2) + "end"
        let input = "Are Russia and Iran allies?\n\(huge)\n\(continued)\nAre Russia and Iran allies?\n"
        try PanelistBinary.buildDefaultStore()
        let run = try PanelistBinary().run(["chat", "--json"], input: input, measuringMemory: true)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let failures = lines.compactMap { try? JSONDecoder().decode(ErrorJSON.self, from: Data($0.utf8)) }
        let message = { (line: Int) in
            "line \(line) is longer than 64 KB and was skipped unread; a question takes at most 2000 characters"
        }
        #expect(failures == [ErrorJSON(error: message(2), line: 2), ErrorJSON(error: message(5), line: 5)])
        #expect(try JSONDecoder().decode(AskJSON.self, from: Data(lines[3].utf8)).question == "Are Russia and Iran allies?")
        #expect(run.stderr == "panelist: \(message(2))\npanelist: \(message(5))\n")
        let peak = try #require(run.peakKilobytes)
        #expect(peak < 60_000 * PanelistBinary.memoryAllowance, "peak RSS \(peak) KB")
        let plain = try PanelistBinary().run(["chat"], input: "\(huge)\nAre Russia and Iran allies?\n")
        #expect(plain.stdout.contains("[1] Alexander Baunov"))
        #expect(plain.stderr == "panelist: \(message(1))\n")
    }

    @Test func memoryStaysFlatOverALongChat() throws {
        let questions = [
            "Why is Putin so eager to court Trump?", "What does the Kremlin think about China?", "Does it trust them?",
            "Are Russia and Iran allies?", "What about sanctions?", "Why did the Ukraine crisis flare up?",
        ]
        func peak(lines: Int) throws -> Int {
            let input = (0..<lines).map { questions[$0 % questions.count] + "\n" }.joined()
            let run = try PanelistBinary().run(["chat", "--json"], input: input, measuringMemory: true)
            #expect(run.status == 0)
            #expect(run.stdout.split(separator: "\n").count == lines)
            return try #require(run.peakKilobytes)
        }
        try PanelistBinary.buildDefaultStore()
        let short = try peak(lines: 60)
        let long = try peak(lines: 1_500)
        // Keeping every turn cost about 10 KB each: 15 MB more after 1,500 questions.
        #expect(long - short < 6_000, "60 questions: \(short) KB, 1,500 questions: \(long) KB")
    }

    @Test func plainModeAnswersFollowUpsAndCommands() throws {
        let input = "Why did the Ukraine crisis flare up?\nWas that reaction proportionate?\n:open 1\n:clear\n:quit\nnever asked\n"
        let run = try PanelistBinary().run(["chat"], input: input)
        #expect(run.status == 0)
        #expect(run.stdout.contains("clear overreaction"))
        #expect(run.stdout.contains("Q: Why is the Ukraine crisis heating up again?"))
        #expect(run.stdout.contains("Conversation cleared."))
        #expect(!run.stdout.contains("never asked"))
    }

    @Test func noArgumentsMeansTheChat() throws {
        let run = try PanelistBinary().run([], input: "Are Russia and Iran allies?\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("[1] Alexander Baunov"))
    }
}
