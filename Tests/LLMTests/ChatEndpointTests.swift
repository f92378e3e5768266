import Testing
@testable import LLM

@Suite struct ChatEndpointTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/chat/completions"),
        ("http://127.0.0.1:8080/v1/", "http://127.0.0.1:8080/v1/chat/completions"),
        ("  https://api.example.com/v1//  ", "https://api.example.com/v1/chat/completions"),
        ("http://host/proxy/openai", "http://host/proxy/openai/v1/chat/completions"),
        ("http://host/openai/v1/chat/completions", "http://host/openai/v1/chat/completions"),
        ("http://host/v1?api-version=2", "http://host/v1/chat/completions?api-version=2"),
    ])
    func derivesTheCompletionsURL(base: String, expected: String) throws {
        #expect(try ChatEndpoint(baseURL: base).url == expected)
    }

    @Test(arguments: ["", "   ", "localhost:8080", "ftp://host/", "http://", "not a url"])
    func rejectsUnusableURLs(base: String) {
        let error = #expect(throws: LLMError.self) { try ChatEndpoint(baseURL: base) }
        #expect(error?.code == .configuration)
    }
}
