import Foundation
import Testing
import TestSupport
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientErrorTests {
    private var host: String {
        (FakeLLMServer.baseURL ?? "").replacingOccurrences(of: "http://", with: "")
    }

    @Test func errorEventMidStream() async throws {
        let outcome = await ask(testSettings(model: "error-event"))
        let error = try #require(outcome.error)
        #expect(error.code == .serverError)
        #expect(error.message == "LLM server at \(host) reported an error: model crashed mid-answer")
        #expect(outcome.pieces == ["partial", " answer"])
    }

    @Test func errorLineMidStream() async throws {
        let outcome = await ask(testSettings(model: "error-line"))
        let error = try #require(outcome.error)
        #expect(error.code == .serverError)
        #expect(error.message.contains("context size exceeded"))
    }

    @Test(arguments: [true, false])
    func errorObjectInA200Body(stream: Bool) async throws {
        let error = try #require(await ask(testSettings(model: "error-json", stream: stream)).error)
        #expect(error.code == .serverError)
        #expect(error.message.contains("the model is loading"))
    }

    @Test func garbageDataLine() async throws {
        let error = try #require(await ask(testSettings(model: "garbage")).error)
        #expect(error.code == .badResponse)
        #expect(error.message.contains("not JSON: this is not json"))
    }

    @Test func streamWithoutContent() async throws {
        let error = try #require(await ask(testSettings(model: "empty")).error)
        #expect(error.code == .badResponse)
        #expect(error.message.contains("no answer text"))
    }

    @Test func reasoningThatUsesUpAllTokens() async throws {
        let error = try #require(await ask(testSettings(model: "reasoning-only")).error)
        #expect(error.code == .badResponse)
        #expect(error.message.contains("raise max_tokens"))
    }

    @Test(arguments: [
        (400, "openai", "scripted 400 error"),
        (401, "llamacpp", "scripted 401 error"),
        (404, "plain", "scripted 404 error"),
        (429, "detail", "scripted 429 error"),
        (422, "detail-list", "body.model: scripted 422 error"),
        (500, "text", "scripted 500 error"),
        (502, "html", "scripted 502 error"),
        (503, "empty", "with an empty body"),
    ])
    func httpStatusCarriesTheServersMessage(status: Int, shape: String, expected: String) async throws {
        for stream in [true, false] {
            let error = try #require(await ask(testSettings(model: "status:\(status):\(shape)", stream: stream)).error)
            #expect(error.code == .httpStatus)
            #expect(error.httpStatus == status)
            #expect(error.message.hasPrefix("LLM server at \(host) returned HTTP \(status)"))
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func unknownModelAndWrongPath() async throws {
        let model = try #require(await ask(testSettings(model: "no-such-model")).error)
        #expect(model.httpStatus == 404)
        #expect(model.message.contains("The model `no-such-model` does not exist."))
        let base = try #require(FakeLLMServer.baseURL) + "/elsewhere/chat/completions"
        let path = try #require(await ask(testSettings(model: "normal", baseURL: base)).error)
        #expect(path.httpStatus == 404)
        #expect(path.message.contains("no route for POST /elsewhere/chat/completions"))
    }

    @Test func connectionClosedMidStream() async throws {
        let outcome = await ask(testSettings(model: "close", maxRetries: 2))
        let error = try #require(outcome.error)
        #expect(error.code == .connectionLost)
        #expect(error.message.contains(host))
        #expect(outcome.pieces == ["cut"])
        #expect(error.underlying is CurlFailure)
    }

    @Test func configurationErrors() async throws {
        let empty = try #require(await ask(testSettings(model: "normal", baseURL: "")).error)
        #expect(empty.code == .configuration)
        let ftp = try #require(await ask(testSettings(model: "normal", baseURL: "ftp://127.0.0.1/")).error)
        #expect(ftp.code == .configuration)
        var nan = testSettings(model: "normal")
        nan.temperature = .nan
        #expect(try #require(await ask(nan).error).code == .configuration)
    }
}
