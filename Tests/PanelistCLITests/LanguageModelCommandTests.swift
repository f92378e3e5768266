import Foundation
import Testing
import TestSupport

/// `ask --json` in `llm` mode, with the two fields that mode adds.
struct LLMAskJSON: Decodable {
    var answer: String
    var mode: String
    var model: String?
    var unsupported: [String]?
    var citations: [AskJSON.Citation]
    var passages: [SearchJSON.Passage]
    var notice: String?
}

@Suite(.serialized) struct LanguageModelCommandTests {
    let server: FakeLLMServer
    let secret = "sk-test-DO-NOT-PRINT-0123456789"

    init() throws {
        server = try FakeLLMServer()
    }

    func ask(_ model: String, _ extra: [String] = [], question: String = "Why is Putin so eager to court Trump?") throws -> PanelistBinary.Run {
        try PanelistBinary().run(["ask", question, "--llm", server.url, "--model", model, "--timeout", "3"] + extra,
                                 environment: ["PANELIST_API_KEY": secret])
    }

    @Test func jsonAnswerInLLMModeCarriesModelAndUnsupported() throws {
        defer { server.stop() }
        let run = try ask("grounded", ["--json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["question", "answer", "abstained", "mode", "citations", "passages", "notice", "model", "unsupported"])
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        #expect(answer.mode == "llm")
        #expect(answer.model == "grounded")
        #expect(answer.unsupported == ["The moon is made of green cheese and rockets."])
        let ids = Set(answer.passages.map(\.id))
        #expect(answer.citations.allSatisfy { ids.contains($0.passage_id) })
        #expect(!run.stdout.contains(secret))
    }

    @Test func onATerminalTheStreamIsFollowedByTheCheckedAnswerAndSources() throws {
        defer { server.stop() }
        let terminal = try PanelistBinary().onTerminal(
            ["ask", "Why is Putin so eager to court Trump?", "--llm", server.url, "--model", "grounded"])
        try terminal.expect("Sources:", timeout: 20)
        #expect(try terminal.waitForExit(timeout: 10) == 0)
        let screen = terminal.transcript.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(screen.contains("green cheese and rockets [2]."))
        #expect(screen.contains("Checked answer:"))
        #expect(screen.contains("green cheese and rockets. [unsupported]"))
    }

    @Test func pipedAskPrintsOnlyTheCheckedAnswer() throws {
        defer { server.stop() }
        let run = try ask("grounded")
        #expect(run.status == 0)
        #expect(!run.stdout.contains("green cheese and rockets [2]."))
        #expect(!run.stdout.contains("Checked answer:"))
        #expect(run.stdout.contains("green cheese and rockets. [unsupported]"))
        #expect(run.stdout.contains("Sources:"))
        let failed = try ask("error-event")
        #expect(failed.status == 0)
        #expect(!failed.stdout.contains("partial answer"))
        #expect(failed.stdout.hasPrefix("In his dealings with U.S. counterparts"))
        #expect(failed.stdout.contains("(language model unavailable (LLM server at 127.0.0.1:\(server.port) reported an error: "
            + "model crashed mid-answer); offline answer)"))
        let chat = try PanelistBinary().run(["chat", "--llm", server.url, "--model", "grounded"],
                                            input: "Why is Putin so eager to court Trump?\n")
        #expect(chat.status == 0)
        #expect(!chat.stdout.contains("green cheese and rockets [2]."))
        #expect(chat.stdout.contains("green cheese and rockets. [unsupported]"))
    }

    @Test func failingEndpointFallsBackOfflineWithTheCause() throws {
        defer { server.stop() }
        for model in ["status:500:openai", "status:401:llamacpp", "garbage", "hang"] {
            let run = try ask(model, ["--json"])
            #expect(run.status == 0, "\(model)")
            let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
            #expect(answer.mode == "extractive", "\(model)")
            #expect(answer.notice?.contains("127.0.0.1:\(server.port)") == true, "\(model): \(answer.notice ?? "nil")")
            #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret))
        }
        let refused = try PanelistBinary().run(["ask", "Why is Putin so eager to court Trump?", "--llm", "http://127.0.0.1:1", "--json"])
        #expect(refused.status == 0)
        #expect(try JSONDecoder().decode(LLMAskJSON.self, from: Data(refused.stdout.utf8)).notice?.contains("cannot connect") == true)
    }

    @Test func requireLLMTurnsAFailureIntoAnError() throws {
        defer { server.stop() }
        let run = try ask("status:500:openai", ["--require-llm"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("HTTP 500"))
        #expect(!run.stderr.contains(secret))
        let unconfigured = try PanelistBinary().run(["ask", "Why is Putin so eager to court Trump?", "--require-llm"])
        #expect(unconfigured.status != 0)
        #expect(unconfigured.stderr.contains("--llm"))
    }

    @Test func configShowsSourcesAndMasksTheKey() throws {
        defer { server.stop() }
        let binary = try PanelistBinary()
        let run = try binary.run(["config", "--model", "tiny"], environment: ["PANELIST_API_KEY": secret, "PANELIST_LLM_URL": server.url])
        #expect(run.status == 0)
        #expect(!run.stdout.contains(secret))
        #expect(run.stdout.contains("…6789"))
        #expect(run.stdout.contains("(env PANELIST_API_KEY)"))
        #expect(run.stdout.contains("tiny  (flag)"))
        #expect(run.stdout.contains("(env PANELIST_LLM_URL)"))
    }

    @Test func chatSwitchesModesAndSaysWhichIsActive() throws {
        defer { server.stop() }
        let input = "Why is Putin so eager to court Trump?\n:mode offline\nWhy is Putin so eager to court Trump?\n:mode\n"
        let run = try PanelistBinary().run(["chat", "--json", "--llm", server.url, "--model", "grounded"], input: input)
        #expect(run.status == 0)
        let answers = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(LLMAskJSON.self, from: Data($0.utf8)) }
        #expect(answers.map(\.mode) == ["llm", "extractive"])
        #expect(run.stderr.contains("Mode: offline answers."))
        let unconfigured = try PanelistBinary().run(["chat"], input: ":mode llm\n")
        #expect(unconfigured.stderr.contains("no language model is configured"))
    }
}
