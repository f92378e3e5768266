import Foundation
import Testing

/// `panelist mcp` driven by the official MCP Python SDK, as an AI assistant would drive it.
@Suite struct MCPServerTests {
    @Test func officialClientCallsEveryToolReadsResourcesAndSurvivesBadCalls() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let question = "Why is Putin so eager to court Trump?"
        let seen = try #require(try ServiceClients.run("mcp_client.py", [PanelistBinary.url.path, question, "sanctions relief"], binary: binary) as? [String: Any])
        #expect(seen["server"] as? String == "panelist")
        #expect(seen["tools"] as? [String] == ["ask", "list_experts", "search"])

        // ask: the same answer as `ask --json`, with its citations as structured content.
        let ask = try #require(seen["ask"] as? [String: Any])
        #expect(ask["is_error"] as? Bool == false)
        let structured = try #require(ask["structured"] as? [String: Any])
        let cli = try #require(try JSONSerialization.jsonObject(with: Data(binary.run(["ask", question, "--json"]).stdout.utf8)) as? [String: Any])
        #expect(structured["answer"] as? String == cli["answer"] as? String)
        let citations = try #require(structured["citations"] as? [[String: Any]])
        #expect(!citations.isEmpty)
        #expect(citations.allSatisfy { !($0["expert"] as? String ?? "").isEmpty && !($0["passage_id"] as? String ?? "").isEmpty })
        let text = try #require(ask["text"] as? String)
        #expect(text.contains("[1]") && text.contains("\n\nSources:\n[1] \(citations[0]["expert"] as? String ?? "?")"))

        let search = try #require((seen["search"] as? [String: Any])?["structured"] as? [String: Any])
        #expect((search["passages"] as? [Any])?.count == 2)
        let experts = try #require(((seen["experts"] as? [String: Any])?["structured"] as? [String: Any])?["experts"] as? [[String: Any]])
        #expect(!experts.isEmpty && experts.allSatisfy { !($0["name"] as? String ?? "").isEmpty && ($0["passages"] as? Int ?? 0) > 0 })

        // Resources: every expert and passage, listed and read back.
        let resources = try #require(seen["resources"] as? [String])
        #expect(resources.filter { $0.hasPrefix("panelist://expert/") }.count == experts.count)
        #expect(resources.contains { $0.hasPrefix("panelist://passage/") })
        #expect(seen["templates"] as? [String] == ["panelist://expert/{name}", "panelist://passage/{id}"])
        let cited = try #require(seen["cited_passage"] as? [String: Any])
        #expect(cited["id"] as? String == citations[0]["passage_id"] as? String)
        #expect((cited["text"] as? String ?? "").contains(citations[0]["quote"] as? String ?? "?"))
        #expect((seen["expert"] as? [String: Any])?["name"] as? String == experts[0]["name"] as? String)

        // Bad calls are MCP errors (invalid params) with a message naming the fault; the server goes on.
        let bad = try #require(seen["bad"] as? [String: [String: Any]])
        let expectations = ["missing_question": "question", "k_out_of_range": "k must be between 1 and 50", "wrong_type": "query",
                            "unknown_expert": "Nobody Atall", "unknown_tool": "nonexistent", "unknown_passage": "no-such-passage"]
        for (name, fragment) in expectations {
            let outcome = try #require(bad[name], "\(name)")
            #expect(outcome["raised"] as? Bool == true, "\(name)")
            #expect(outcome["code"] as? Int == -32602, "\(name)")
            #expect((outcome["message"] as? String ?? "").contains(fragment), "\(name): \(outcome)")
        }
        #expect(seen["after_bad"] as? Int == experts.count)
    }

    @Test func badStoreIsAOneLineErrorBeforeServing() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["mcp", "--store", binary.home.appendingPathComponent("missing.sqlite").path])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no store at") && run.stderr.split(separator: "\n").count == 1)
    }
}
