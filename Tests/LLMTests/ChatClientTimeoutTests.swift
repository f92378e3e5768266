import Foundation
import Testing
import TestSupport
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientTimeoutTests {
    @Test func serverThatNeverAnswers() async throws {
        let outcome = await ask(testSettings(model: "hang", idleTimeout: 1, maxRetries: 2))
        let error = try #require(outcome.error)
        #expect(error.code == .timeout)
        #expect(error.message.contains("sent nothing for 1 s"))
        #expect(outcome.elapsed < 6)
    }

    @Test func serverThatStallsMidStream() async throws {
        let outcome = await ask(testSettings(model: "stall", idleTimeout: 1))
        let error = try #require(outcome.error)
        #expect(error.code == .timeout)
        #expect(outcome.pieces == ["waiting"])
        #expect(outcome.elapsed < 6)
    }

    @Test func totalTimeoutStopsAnEndlessKeepAlive() async throws {
        let outcome = await ask(testSettings(model: "trickle", idleTimeout: 1, totalTimeout: 1.5))
        let error = try #require(outcome.error)
        #expect(error.code == .timeout)
        #expect(error.message.contains("did not finish within 1.5 s"))
        #expect(outcome.elapsed < 6)
    }

    @Test func hangingConnectEndsWithinTheIdleTimeoutRetriesIncluded() async throws {
        let listener = try UnansweredListener()
        defer { listener.stop() }
        let outcome = await ask(testSettings(model: "normal", idleTimeout: 2, maxRetries: 2, baseURL: listener.url))
        let error = try #require(outcome.error)
        #expect(error.code == .unreachable)
        #expect(error.message.contains("timed out"), "\(error.message)")
        #expect(outcome.elapsed < 2.8, "took \(outcome.elapsed) s")
    }

    @Test func retriesStopAtTheTotalTimeout() async throws {
        let outcome = await ask(testSettings(model: "always:503:total-timeout", idleTimeout: 3, totalTimeout: 0.5, maxRetries: 5))
        let error = try #require(outcome.error)
        #expect(error.httpStatus == 503)
        #expect(outcome.elapsed < 1, "took \(outcome.elapsed) s")
    }

    @Test func cancellationStopsARunningStream() async throws {
        let outcome = await ask(testSettings(model: "slow"), cancelAfterPieces: 1)
        let error = try #require(outcome.error)
        #expect(error.code == .cancelled)
        #expect(outcome.pieces.count < 10)
        #expect(outcome.elapsed < 4)
    }

    @Test func cancellationWhileWaitingForTheFirstByte() async throws {
        let outcome = await ask(testSettings(model: "hang", idleTimeout: 10), cancelAfter: 0.3)
        #expect(try #require(outcome.error).code == .cancelled)
        #expect(outcome.elapsed < 5)
    }

    @Test func cancelledBeforeTheRequest() async throws {
        let outcome = await ask(testSettings(model: "normal"), cancelAfter: 0)
        #expect(try #require(outcome.error).code == .cancelled)
        #expect(outcome.pieces.isEmpty)
    }
}
