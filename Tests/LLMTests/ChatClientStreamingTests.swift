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

    @Test func endlessStreamIsCutAtTheSizeLimit() async throws {
        let outcome = await ask(testSettings(model: "endless", totalTimeout: 60))
        let error = try #require(outcome.error)
        #expect(error.code == .badResponse)
        #expect(error.message.contains("sent more than 8 MB without ending its response"))
        let delivered = outcome.pieces.reduce(0) { $0 + $1.utf8.count }
        #expect(delivered > 0 && delivered <= ChatResponseReader.minimumSizeLimit)
        #expect(outcome.elapsed < 30)
    }

    @Test func endlessLineWithoutEventsIsCutAtTheSizeLimit() throws {
        var reader = ChatResponseReader(streaming: true, host: "example", maxTokens: 64)
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        let error = #expect(throws: LLMError.self) {
            for _ in 0..<9 {
                _ = try block.withUnsafeBytes { bytes throws(LLMError) in
                    try reader.consume(status: 200, bytes: bytes, onText: { _ in })
                }
            }
        }
        #expect(error?.message.contains("more than 8 MB") == true)
        #expect(ChatResponseReader.sizeLimit(maxTokens: 100_000) == 25_600_000)
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
