import Foundation
import Testing
@testable import LLM

@Suite(.fakeLLMServer) struct ChatClientSecretTests {
    private static let key = "sk-SECRET-do-not-leak-7f3a9c21"

    @Test(arguments: [
        "status:401:openai", "status:401:llamacpp", "status:500:text", "status:404:html", "status:429:detail",
        "error-event", "error-line", "error-json", "garbage", "empty", "reasoning-only", "close", "no-such-model",
        "always:503:secret-test",
    ])
    func keyNeverAppearsInErrors(model: String) async throws {
        let outcome = await ask(testSettings(model: model, apiKey: Self.key, maxRetries: 1))
        let error = try #require(outcome.error)
        let texts = [error.message, error.description, error.debugDescription, String(describing: error),
                     String(reflecting: error), "\(error)", error.underlying.map { "\($0)" } ?? "",
                     error.underlying.map { String(reflecting: $0) } ?? ""]
        for text in texts {
            #expect(!text.contains(Self.key))
            #expect(!text.contains("do-not-leak"))
        }
    }

    @Test func quotedKeyIsRedacted() async throws {
        let error = try #require(await ask(testSettings(model: "status:401:openai", apiKey: Self.key)).error)
        #expect(error.message.hasSuffix("Incorrect API key provided: [redacted]. You can find your API key on the website."))
    }

    @Test(arguments: ["upper", "prefix", "suffix", "middle", "ellipsis", "stars"])
    func keyQuotedInAnotherCaseInPartOrMaskedIsRedacted(quote: String) async throws {
        let error = try #require(await ask(testSettings(model: "status:401:openai:\(quote)", apiKey: Self.key)).error)
        #expect(error.message.contains("Incorrect API key provided: [redacted]. You can find"), "\(error.message)")
        for text in [error.message, error.debugDescription] {
            #expect(!Self.sharesEightCharacters(text, with: Self.key), "\(text)")
        }
    }

    @Test func passwordInAMalformedURLIsMasked() async throws {
        let error = try #require(await ask(testSettings(model: "normal", baseURL: "http://user:PW-hidden-4242@/v1")).error)
        #expect(error.code == .configuration)
        #expect(error.message.hasSuffix("http://user:***@/v1"), "\(error.message)")
    }

    @Test func keyEchoedInTheAnswerIsRedacted() async throws {
        let outcome = await ask(testSettings(model: "echo", apiKey: Self.key))
        let reply = try outcome.result.get()
        #expect(reply.text.contains("Bearer [redacted]"))
        #expect(!reply.text.contains(Self.key) && !outcome.pieces.joined().contains(Self.key))
    }

    /// Whether `text` holds any 8 characters in a row of `secret`, in any case.
    static func sharesEightCharacters(_ text: String, with secret: String) -> Bool {
        let haystack = text.lowercased()
        let needle = Array(secret.lowercased())
        return (0...(needle.count - 8)).contains { haystack.contains(String(needle[$0..<($0 + 8)])) }
    }

    @Test func transportErrorsDoNotLeakTheKey() async throws {
        let port = try closedLoopbackPort()
        for settings in [
            testSettings(model: "hang", apiKey: Self.key, idleTimeout: 1),
            testSettings(model: "normal", apiKey: Self.key, baseURL: "http://127.0.0.1:\(port)"),
            testSettings(model: "normal", apiKey: Self.key + "\nX", baseURL: "http://127.0.0.1:\(port)"),
        ] {
            let error = try #require(await ask(settings).error)
            #expect(!error.debugDescription.contains(Self.key))
        }
    }
}
