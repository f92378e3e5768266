import Testing
@testable import LLM

@Suite struct ErrorBodyTests {
    @Test(arguments: [
        (#"{"error":{"message":"Incorrect API key","type":"invalid_request_error","param":null,"code":"x"}}"#,
         "Incorrect API key"),
        (#"{"error":{"code":500,"message":"context size exceeded","type":"server_error"}}"#, "context size exceeded"),
        (#"{"error":"model 'llama3' not found"}"#, "model 'llama3' not found"),
        (#"{"detail":"Not authenticated"}"#, "Not authenticated"),
        (#"{"detail":[{"loc":["body","model"],"msg":"field required","type":"missing"}]}"#, "body.model: field required"),
        (#"{"detail":{"message":"quota exceeded"}}"#, "quota exceeded"),
        (#"{"message":"top-level message"}"#, "top-level message"),
        (#"{"error":{"type":"overloaded_error"}}"#, "overloaded_error"),
        ("  upstream exploded  \nsecond line", "upstream exploded"),
        ("<html><head><title>502 Bad Gateway</title></head><body></body></html>", "502 Bad Gateway"),
        (#"{"unexpected":"shape"}"#, #"{"unexpected":"shape"}"#),
        (#"{"error":"multi\nline"}"#, "multi line"),
    ])
    func extractsTheMessage(body: String, expected: String) {
        #expect(ErrorBody.message(from: body) == expected)
        #expect(ErrorBody.message(from: Array(body.utf8)) == expected)
    }

    @Test func emptyBodyHasNoMessage() {
        #expect(ErrorBody.message(from: "") == nil)
        #expect(ErrorBody.message(from: " \n ") == nil)
    }

    @Test func longTextIsCut() throws {
        let message = try #require(ErrorBody.message(from: String(repeating: "x", count: 500) + "\nmore"))
        #expect(message == String(repeating: "x", count: ErrorBody.maximumLength) + "…")
    }

    /// A message of only white space gave an empty message, and "returned HTTP 500: " (found by the
    /// errorbody fuzz target: `" "  `, Fuzz/Seeds/errorbody/crash-blank-json-string.json); the body is shown instead.
    @Test(arguments: [#"" ""#, #"{"error":" "}"#, #"{"detail":[{"loc":[],"msg":" "}]}"#, #"{"error":{"type":"\n"}}"#])
    func blankMessageShowsTheBody(body: String) throws {
        #expect(ErrorBody.message(from: body) == body)
        #expect(ErrorBody.message(from: Array((body + "  ").utf8)) == body)
        var reader = ChatResponseReader(streaming: false, host: "example.invalid:8080", maxTokens: 16)
        _ = try Array(body.utf8).withUnsafeBytes { try reader.consume(status: 500, bytes: $0) { _ in } }
        let error = #expect(throws: LLMError.self) { try reader.finish(status: 500) { _ in } }
        #expect(error?.message == "LLM server at example.invalid:8080 returned HTTP 500: \(body)")
    }
}
