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
}
