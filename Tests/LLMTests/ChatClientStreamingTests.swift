import Foundation
import Testing
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientStreamingTests {
    @Test func normalStream() async throws {
        let outcome = await ask(testSettings(model: "normal"))
        let reply = try outcome.result.get()
        #expect(outcome.pieces == ["Hello", ", world", "!"])
        #expect(reply == ChatReply(text: "Hello, world!", reasoning: "", model: "normal", finishReason: "stop"))
    }

    @Test func oneByteChunksWithMultiByteCharacters() async throws {
        let outcome = await ask(testSettings(model: "bytes"))
        #expect(try outcome.result.get().text == "Grüße, ☕ und 👋")
        #expect(outcome.pieces == ["Grüße, ", "☕ und 👋"])
    }

    @Test func keepAliveCommentsAreIgnored() async throws {
        let outcome = await ask(testSettings(model: "keepalive"))
        #expect(try outcome.result.get().text == "kept alive")
    }

    @Test func crlfLineEndingsEventFieldsAndSplitDataLines() async throws {
        let outcome = await ask(testSettings(model: "crlf"))
        #expect(try outcome.result.get().text == "line one two")
    }

    @Test func streamWithoutDoneEndsNormally() async throws {
        let reply = try await ask(testSettings(model: "nodone")).result.get()
        #expect(reply.text == "no done")
        #expect(reply.finishReason == "stop")
    }

    @Test func reasoningIsKeptApartFromTheAnswer() async throws {
        let outcome = await ask(testSettings(model: "reasoning"))
        let reply = try outcome.result.get()
        #expect(reply.text == "Forty-two.")
        #expect(reply.reasoning == "Think hard.")
        #expect(outcome.pieces == ["Forty-two."])
    }

    @Test func piecesArriveWhileTheStreamIsStillRunning() async throws {
        let outcome = await ask(testSettings(model: "slow"))
        #expect(outcome.pieces.count == 20)
        let first = try #require(outcome.pieceTimes.first)
        let last = try #require(outcome.pieceTimes.last)
        #expect(last - first > 4, "pieces were delivered at \(outcome.pieceTimes)")
    }

    @Test func jsonReplyToAStreamRequestIsAccepted() async throws {
        let outcome = await ask(testSettings(model: "json-when-stream"))
        #expect(try outcome.result.get().text == "plain JSON")
        #expect(outcome.pieces == ["plain JSON"])
    }

    @Test func nonStreamingReply() async throws {
        let outcome = await ask(testSettings(model: "normal", stream: false))
        let reply = try outcome.result.get()
        #expect(reply.text == "Hello, world!")
        #expect(reply.model == "normal")
        #expect(reply.finishReason == "stop")
        #expect(outcome.pieces == ["Hello, world!"])
    }

    @Test func nonStreamingReasoning() async throws {
        let reply = try await ask(testSettings(model: "reasoning", stream: false)).result.get()
        #expect(reply.text == "Forty-two.")
        #expect(reply.reasoning == "Think hard.")
    }
}
