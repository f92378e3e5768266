import Foundation
import Testing
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientRetryTests {
    private func unique() -> String { UUID().uuidString }

    @Test func rateLimitedTwiceThenAnswered() async throws {
        let outcome = await ask(testSettings(model: "flaky:2:429:\(unique())", maxRetries: 2))
        #expect(try outcome.result.get().text == "attempt 3")
        #expect(outcome.elapsed >= 0.7)
    }

    @Test func serverErrorRetriedInNonStreamingMode() async throws {
        let outcome = await ask(testSettings(model: "flaky:1:503:\(unique())", stream: false, maxRetries: 1))
        #expect(try outcome.result.get().text == "attempt 2")
    }

    @Test func noRetriesWhenDisabled() async throws {
        let error = try #require(await ask(testSettings(model: "flaky:1:503:\(unique())", maxRetries: 0)).error)
        #expect(error.httpStatus == 503)
        #expect(error.message.contains("busy, attempt 1"))
    }

    @Test func givesUpAfterMaxRetries() async throws {
        let error = try #require(await ask(testSettings(model: "always:500:\(unique())", maxRetries: 2)).error)
        #expect(error.httpStatus == 500)
        #expect(error.message.contains("failure on attempt 3"))
        #expect(error.message.hasSuffix("(gave up after 3 attempts)"))
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let error = try #require(await ask(testSettings(model: "always:400:\(unique())", maxRetries: 2)).error)
        #expect(error.message.contains("failure on attempt 1"))
        #expect(!error.message.contains("gave up"))
    }

    @Test func droppedConnectionIsRetried() async throws {
        let outcome = await ask(testSettings(model: "drop:1:\(unique())", maxRetries: 1))
        #expect(try outcome.result.get().text == "attempt 2")
        let error = try #require(await ask(testSettings(model: "drop:5:\(unique())", maxRetries: 0)).error)
        #expect(error.code == .connectionLost)
    }

    @Test func connectionRefused() async throws {
        let port = try closedLoopbackPort()
        let settings = testSettings(model: "normal", maxRetries: 1, baseURL: "http://127.0.0.1:\(port)")
        let outcome = await ask(settings)
        let error = try #require(outcome.error)
        #expect(error.code == .unreachable)
        #expect(error.message.hasPrefix("cannot connect to the LLM server at 127.0.0.1:\(port): "))
        #expect(error.message.hasSuffix("(gave up after 2 attempts)"))
        #expect(outcome.elapsed >= 0.2)
    }

    @Test func cancellationDuringBackOff() async throws {
        let outcome = await ask(testSettings(model: "always:500:\(unique())", maxRetries: 8), cancelAfter: 0.5)
        let error = try #require(outcome.error)
        #expect(error.code == .cancelled)
        #expect(outcome.elapsed < 4)
    }
}
