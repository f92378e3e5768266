import Foundation
import Testing
import TestSupport

/// What a hostile or broken endpoint, a careless config and odd output targets cannot make Panelist do:
/// grow without bound, wait past the timeout, print the key or a password, or leak raw model text.
@Suite(.serialized) struct LanguageModelSafetyTests {
    let server: FakeLLMServer
    let question = "Why is Putin so eager to court Trump?"

    init() throws {
        server = try FakeLLMServer()
    }

    func ask(_ model: String, _ extra: [String] = [], measuringMemory: Bool = false) throws -> PanelistBinary.Run {
        try PanelistBinary().run(["ask", question, "--llm", server.url, "--model", model, "--timeout", "3"] + extra,
                                 measuringMemory: measuringMemory)
    }

    @Test func endlessReplyIsCutAndTheOfflineAnswerGiven() throws {
        defer { server.stop() }
        let run = try ask("endless", ["--json"], measuringMemory: true)
        #expect(run.status == 0)
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        #expect(answer.mode == "extractive")
        #expect(answer.notice?.contains("sent more than 8 MB without ending its response") == true, "\(answer.notice ?? "nil")")
        #expect(run.stdout.utf8.count < 100_000)
        let peak = try #require(run.peakKilobytes)
        #expect(peak < 150_000, "peak RSS \(peak) KB")
        #expect(run.seconds < 20)
    }

    @Test func hangingConnectTakesNoLongerThanTheTimeout() throws {
        defer { server.stop() }
        let listener = try UnansweredListener()
        defer { listener.stop() }
        let run = try PanelistBinary().run(["ask", question, "--llm", listener.url, "--timeout", "3", "--json"])
        #expect(run.status == 0)
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        #expect(answer.notice?.contains("timed out after 3 s") == true, "\(answer.notice ?? "nil")")
        #expect(run.seconds < 4.5, "took \(run.seconds) s")
    }
}
