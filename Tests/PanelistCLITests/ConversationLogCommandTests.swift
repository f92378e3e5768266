import Foundation
import Testing

/// `ask` and `chat` turns in the conversation log: `ask -c`, `chat --continue`, `logs`, `logs search`, `--no-log`.
@Suite struct ConversationLogCommandTests {
    /// One line of `panelist logs --json`.
    struct LogJSON: Decodable {
        var conversation: Int64
        var turn: Int64
        var time: String
        var corpus: String
        var mode: String
        var question: String
        var answer: String
        var abstained: Bool
        var citations: [AskJSON.Citation]
        var k: Int
        var expert: String?
    }

    static func turns(_ run: PanelistBinary.Run) throws -> [LogJSON] {
        try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(LogJSON.self, from: Data($0.utf8)) }
    }

    static let topic = "Is Russia worried about sanctions?"
    static let followUp = "What about China?"

    @Test func askContinuesTheLastConversationAcrossInvocations() throws {
        let binary = try PanelistBinary()
        #expect(try binary.run(["ask", Self.topic]).status == 0)
        let continued = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "-c", Self.followUp, "--json"]))
        let alone = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", Self.followUp, "--json", "--no-log"]))
        // The same two lines in one chat: the continued answer is the chat's answer, not the standalone one.
        let chat = try PanelistBinary().run(["chat", "--json"], input: Self.topic + "\n" + Self.followUp + "\n")
        let inChat = try JSONDecoder().decode(AskJSON.self, from: Data(try #require(chat.stdout.split(separator: "\n").last).utf8))
        #expect(continued.citations.map(\.passage_id) == inChat.citations.map(\.passage_id))
        #expect(continued.answer == inChat.answer)
        #expect(alone.citations.map(\.passage_id) != inChat.citations.map(\.passage_id))
        let log = try Self.turns(binary.run(["logs", "--json"]))
        #expect(log.map(\.question) == [Self.topic, Self.followUp])
        #expect(Set(log.map(\.conversation)).count == 1)
    }

    @Test func everyAnswerIsLoggedWithItsCitationsModeAndTime() throws {
        let binary = try PanelistBinary()
        let asked = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "Why is Putin so eager to court Trump?", "--json", "--k", "3"]))
        let turn = try #require(try Self.turns(binary.run(["logs", "--json", "-n", "1"])).first)
        #expect(turn.question == asked.question)
        #expect(turn.answer == asked.answer)
        #expect(turn.citations.map(\.passage_id) == asked.citations.map(\.passage_id))
        #expect(turn.mode == "extractive")
        #expect(turn.corpus == "default")
        #expect(turn.k == 3)
        #expect(ISO8601DateFormatter.fractional.date(from: turn.time).map { abs($0.timeIntervalSinceNow) < 600 } == true)
        let plain = try binary.run(["logs"])
        #expect(plain.stdout.contains("Q: Why is Putin so eager to court Trump?"))
        #expect(plain.stdout.contains("[1] Dmitri Trenin"))
    }

    @Test func chatContinuesALoggedConversation() throws {
        let binary = try PanelistBinary()
        #expect(try binary.run(["chat"], input: Self.topic + "\n").status == 0)
        let first = try #require(try Self.turns(binary.run(["logs", "--json"])).first)
        let continued = try binary.run(["chat", "--json", "--conversation", "\(first.conversation)"], input: Self.followUp + "\n")
        let answer = try JSONDecoder().decode(AskJSON.self, from: Data(continued.stdout.utf8))
        let inOneChat = try PanelistBinary().run(["chat", "--json"], input: Self.topic + "\n" + Self.followUp + "\n")
        #expect(inOneChat.stdout.split(separator: "\n").last.map(String.init) == continued.stdout.trimmingCharacters(in: .newlines))
        #expect(!answer.citations.isEmpty)
        #expect(try binary.run(["chat", "--continue"], input: "What about Iran?\n").status == 0)
        let log = try Self.turns(binary.run(["logs", "--json", "--conversation", "\(first.conversation)"]))
        #expect(log.map(\.question) == [Self.topic, Self.followUp, "What about Iran?"])
        let missing = try binary.run(["chat", "--conversation", "999"], input: "x\n")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("No conversation 999"))
    }

    @Test func clearAndCorpusStartANewLoggedConversation() throws {
        let binary = try PanelistBinary()
        _ = try binary.run(["chat"], input: Self.topic + "\n:clear\n" + Self.followUp + "\n:corpus default\nsanctions\n")
        let log = try Self.turns(binary.run(["logs", "--json"]))
        #expect(log.map(\.question) == [Self.topic, Self.followUp, "sanctions"])
        #expect(Set(log.map(\.conversation)).count == 3)
        #expect(log.map(\.conversation) == log.map(\.conversation).sorted())
        // Continuing after :clear does not bring the cleared turn back: the follow-up stands alone.
        let cleared = try PanelistBinary()
        _ = try cleared.run(["chat"], input: Self.topic + "\n:clear\n")
        let continued = try PanelistBinary.decode(AskJSON.self, from: cleared.run(["ask", "-c", Self.followUp, "--json"]))
        let alone = try PanelistBinary.decode(AskJSON.self, from: cleared.run(["ask", Self.followUp, "--json", "--no-log"]))
        #expect(continued.citations.map(\.passage_id) == alone.citations.map(\.passage_id))
    }

    @Test func logsSearchFindsEarlierAnswers() throws {
        let binary = try PanelistBinary()
        _ = try binary.run(["chat"], input: "What does the Kremlin think about China?\nIs Russia worried about sanctions?\n")
        let found = try Self.turns(binary.run(["logs", "search", "permanent", "feature", "--json"]))
        #expect(found.map(\.question) == ["Is Russia worried about sanctions?"])
        let none = try binary.run(["logs", "search", "banana"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("No logged turn"))
    }

    @Test func noLogAndTheConfigSwitchKeepNothing() throws {
        let binary = try PanelistBinary()
        #expect(try binary.run(["ask", "sanctions", "--no-log"]).status == 0)
        #expect(try binary.run(["chat", "--no-log"], input: "sanctions\n").status == 0)
        #expect(try binary.run(["config", "set", "log", "false"]).status == 0)
        #expect(try binary.run(["ask", "sanctions"]).status == 0)
        #expect(try binary.run(["logs", "--json"]).stdout.isEmpty)
        #expect(try binary.run(["config", "unset", "log"]).status == 0)
        #expect(try binary.run(["ask", "sanctions"]).status == 0)
        #expect(try Self.turns(binary.run(["logs", "--json"])).count == 1)
    }

    @Test func aLogThatCannotBeWrittenIsAWarningNotAFailure() throws {
        let binary = try PanelistBinary()
        let blocked = binary.home.appendingPathComponent("not-a-folder")
        try "x".write(to: blocked, atomically: true, encoding: .utf8)
        let run = try binary.run(["ask", "sanctions"], environment: ["XDG_DATA_HOME": blocked.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("Sources:"))
        #expect(run.stderr.contains("warning: this conversation is not logged"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func theAPIKeyIsNeverWrittenToTheLog() throws {
        let binary = try PanelistBinary()
        let key = "sk-secret-\(UUID().uuidString)"
        // A model that cannot be reached: the answer falls back offline and is logged.
        let run = try binary.run(["ask", "sanctions", "--llm", "http://127.0.0.1:9/v1", "--timeout", "1"], environment: ["PANELIST_API_KEY": key])
        #expect(run.status == 0)
        let folder = binary.home.appendingPathComponent("data/panelist")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.contains("conversations.sqlite"))
        for file in files {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(bytes.range(of: Data(key.utf8)) == nil, "\(file) holds the key")
        }
    }
}

extension ISO8601DateFormatter {
    /// "2026-11-30T05:19:49.123Z".
    static var fractional: ISO8601DateFormatter {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format
    }
}
