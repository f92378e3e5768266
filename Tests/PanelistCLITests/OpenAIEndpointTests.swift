import Foundation
import Testing

/// `panelist serve`'s OpenAI-compatible endpoints driven by the official `openai` Python client.
@Suite struct OpenAIEndpointTests {
    @Test func officialClientGetsTheCitedAnswerWholeAndStreamed() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let server = try RunningServer(binary: binary)
        let question = "What does Gabuev say about sanctions?"
        let offTopic = "What is the recipe for banana bread?"
        let seen = try #require(try ServiceClients.run("openai_client.py", [server.url, question, offTopic], binary: binary) as? [String: Any])
        #expect(seen["models"] as? [String] == ["panelist"])

        let whole = try #require(seen["whole"] as? [String: Any])
        let streamed = try #require(seen["streamed"] as? [String: Any])
        #expect(whole["object"] as? String == "chat.completion" && whole["role"] as? String == "assistant")
        #expect(whole["finish_reason"] as? String == "stop" && streamed["finish_reason"] as? String == "stop")
        let content = try #require(whole["content"] as? String)
        #expect(streamed["content"] as? String == content)
        #expect((streamed["chunks"] as? Int ?? 0) > 3)

        // The message is `ask`'s cited answer followed by its sources; `panelist` is `ask --json`.
        let cli = try #require(try JSONSerialization.jsonObject(with: Data(binary.run(["ask", question, "--json"]).stdout.utf8)) as? NSDictionary)
        let panelist = try #require(whole["panelist"] as? NSDictionary)
        #expect(panelist == cli)
        #expect(streamed["panelist"] as? NSDictionary == cli)
        let citations = try #require(cli["citations"] as? [[String: Any]])
        #expect(!citations.isEmpty)
        #expect(content.hasPrefix((cli["answer"] as? String ?? "?") + "\n\nSources:\n[1] \(citations[0]["expert"] as? String ?? "?")"))

        // A question the corpus does not cover is a normal reply that says so.
        let declined = try #require(seen["declined"] as? [String: Any])
        #expect((declined["content"] as? String ?? "").hasPrefix("The experts in this corpus did not address that question."))
        #expect((declined["panelist"] as? [String: Any])?["abstained"] as? Bool == true)

        let wrongModel = try #require(seen["wrong_model"] as? [String: Any])
        #expect(wrongModel["status"] as? Int == 404 && (wrongModel["message"] as? String ?? "").contains("use “panelist”"))
        let empty = try #require(seen["empty_question"] as? [String: Any])
        #expect(empty["status"] as? Int == 400 && (empty["message"] as? String ?? "").contains("the question is empty"))
        #expect(server.stop() == 0)
    }
}
