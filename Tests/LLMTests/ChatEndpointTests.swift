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

    @Test(arguments: [
        ("127.0.0.1", true), ("127.255.0.1", true), ("localhost", true), ("LocalHost", true), ("[::1]", true),
        ("[::ffff:127.0.0.1]", true), ("10.0.0.1", false), ("example.com", false), ("[::2]", false),
        ("localhost.example.com", false), ("127.example.com", false),
    ])
    func tellsLoopbackHosts(host: String, loopback: Bool) {
        #expect(ChatEndpoint.isLoopback(host) == loopback)
    }
}
