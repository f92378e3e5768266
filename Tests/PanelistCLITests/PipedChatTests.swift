import Foundation
import Testing

@Suite struct PipedChatTests {
    @Test func jsonModeWritesOneAnswerObjectPerLineAndNothingElse() throws {
        let input = "What does the Kremlin think about China?\n:experts\n\nDoes it trust them?\n:nonsense\nWhat is the recipe for banana bread?\n"
        let run = try PanelistBinary().run(["chat", "--json"], input: input)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let answers = try lines.map { try JSONDecoder().decode(AskJSON.self, from: Data($0.utf8)) }
        #expect(answers.map(\.question) == ["What does the Kremlin think about China?", "Does it trust them?", "What is the recipe for banana bread?"])
        #expect(answers[1].citations.first?.quote.contains("trust China") == true)
        #expect(answers[2].abstained)
        #expect(run.stderr.contains("unknown command :nonsense"))
        #expect(run.stderr.contains("Dmitri Trenin"))
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
