import Foundation
import Testing
import TestSupport
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientRequestTests {
    /// The request as the echo behaviour saw it.
    private func echoed(_ settings: LLMSettings) async throws -> [String: Any] {
        let text = try await ask(settings, messages: [.system("Be brief."), .user("Hi")]).result.get().text
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func bodyAndHeaders() async throws {
        let request = try await echoed(testSettings(model: "echo"))
        let body = try #require(request["body"] as? [String: Any])
        #expect(body["model"] as? String == "echo")
        #expect(body["max_tokens"] as? Int == 64)
        #expect(body["temperature"] as? Double == 0.2)
        #expect(body["stream"] as? Bool == true)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "system", "content": "Be brief."], ["role": "user", "content": "Hi"]])
        #expect(request["path"] as? String == "/v1/chat/completions")
        #expect(request["authorization"] is NSNull)
        #expect(request["expect"] is NSNull)
        #expect(request["accept"] as? String == "text/event-stream")
    }

    @Test func nonStreamingBody() async throws {
        let request = try await echoed(testSettings(model: "echo", stream: false))
        let body = try #require(request["body"] as? [String: Any])
        #expect(body["stream"] as? Bool == false)
        #expect(request["accept"] as? String == "application/json")
    }

    @Test func bearerKeyOnlyWhenSet() async throws {
        let withKey = try await echoed(testSettings(model: "echo", apiKey: "sk-test-key-0001"))
        #expect(withKey["authorization_reversed"] as? String == String("Bearer sk-test-key-0001".reversed()))
        let emptyKey = try await echoed(testSettings(model: "echo", apiKey: ""))
        #expect(emptyKey["authorization"] is NSNull)
    }

    @Test(arguments: [
        ("", "/v1/chat/completions"),
        ("/", "/v1/chat/completions"),
        ("/v1", "/v1/chat/completions"),
        ("/v1/", "/v1/chat/completions"),
        ("/proxy", "/proxy/v1/chat/completions"),
        ("/proxy/v1/", "/proxy/v1/chat/completions"),
    ])
    func baseURLForms(suffix: String, path: String) async throws {
        let base = try #require(FakeLLMServer.baseURL) + suffix
        let request = try await echoed(testSettings(model: "echo", baseURL: base))
        #expect(request["path"] as? String == path)
    }
}
