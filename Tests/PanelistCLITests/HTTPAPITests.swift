import Foundation
import Testing

/// `panelist serve`'s JSON API over real HTTP on loopback: the same JSON as the command line, and a
/// JSON error for every bad request while the server goes on serving.
@Suite struct HTTPAPITests {
    @Test func searchAndAskAnswerWithTheCommandLinesJSON() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let server = try RunningServer(binary: binary)
        let results = try server.probe([
            ["method": "POST", "path": "/v1/search", "body": #"{"query": "sanctions relief", "k": 3, "explain": true}"#],
            ["method": "POST", "path": "/v1/ask", "body": #"{"question": "sanctions", "expert": "Baunov"}"#],
            ["method": "GET", "path": "/health"],
        ], binary: binary)
        #expect(results.map(\.status) == [200, 200, 200])
        #expect(results[0].headers["content-type"] == "application/json; charset=utf-8")
        let search = try binary.run(["search", "sanctions relief", "--k", "3", "--explain", "--json"])
        let ask = try binary.run(["ask", "sanctions", "--expert", "Baunov", "--json"])
        #expect(results[0].json.map(NSDictionary.init) == (try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? NSDictionary))
        #expect(results[1].json.map(NSDictionary.init) == (try JSONSerialization.jsonObject(with: Data(ask.stdout.utf8)) as? NSDictionary))
        #expect(server.stop() == 0)
    }

    @Test func badRequestsGetJSONErrorsAndTheServerServesOthers() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let server = try RunningServer(binary: binary, arguments: ["--request-timeout", "2"])
        let good: [String: Any] = ["method": "POST", "path": "/v1/ask", "body": #"{"question": "What does the Kremlin think of Trump?"}"#]
        let results = try server.probe([
            ["slow": "start", "path": "/v1/ask"],
            ["method": "POST", "path": "/v1/ask", "body": #"{"question": "#],
            ["method": "POST", "path": "/v1/ask", "body": #"{"k": 3}"#],
            ["method": "POST", "path": "/v1/search", "body": #"{"query": 42}"#],
            ["method": "POST", "path": "/v1/search", "body": #"{"query": "sanctions", "k": 500}"#],
            ["method": "POST", "path": "/v1/ask", "body": #"{"question": "the of and"}"#],
            ["method": "POST", "path": "/v1/ask", "body": "{\"question\": \"\(String(repeating: "why ", count: 600))\"}"],
            ["method": "POST", "path": "/v1/ask", "body_size": 10 * 1024 * 1024],
            ["method": "GET", "path": "/no/such/route"],
            ["method": "GET", "path": "/v1/ask"],
            good,
            ["slow": "finish"],
            good,
        ], binary: binary)
        let expected: [(status: Int, fragment: String)] = [
            (400, "not a JSON object"), (400, "missing field “question”"), (400, "field “query” should be a string"),
            (400, "k must be between 1 and 50"), (400, "has only common words"), (400, "Panelist takes at most 2000"),
            (413, "over 1048576 bytes"),
            (404, "no route GET /no/such/route"), (404, "no route GET /v1/ask"),
        ]
        for (index, expectation) in expected.enumerated() {
            let result = results[index + 1]
            #expect(result.status == expectation.status, "request \(index + 1): \(result.body)")
            #expect(result.headers["content-type"] == "application/json; charset=utf-8", "request \(index + 1)")
            #expect((result.errorMessage ?? "").contains(expectation.fragment), "request \(index + 1): \(result.body)")
        }
        // The slow client held its connection through all of that; the others were answered meanwhile.
        #expect(results[10].status == 200 && (results[10].json?["citations"] as? [Any])?.isEmpty == false)
        #expect(results[11].status == 408 && (results[11].errorMessage ?? "").contains("did not arrive within"))
        #expect(results[12].status == 200)
        #expect(server.process.isRunning)
        #expect(server.stop() == 0)
    }

    @Test func aTokenGuardsTheAPIButNotThePage() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let secret = "s3cret-\(UUID().uuidString)"
        let server = try RunningServer(binary: binary, environment: ["PANELIST_API_TOKEN": secret])
        let results = try server.probe([
            ["method": "GET", "path": "/v1/models"],
            ["method": "GET", "path": "/v1/models", "headers": ["Authorization": "Bearer wrong"]],
            ["method": "GET", "path": "/v1/models", "headers": ["Authorization": "Bearer \(secret)"]],
            ["method": "GET", "path": "/"],
        ], binary: binary)
        #expect(results.map(\.status) == [401, 401, 200, 200])
        #expect(results[0].headers["www-authenticate"] == "Bearer")
        #expect((results[0].errorMessage ?? "").contains("PANELIST_API_TOKEN"))
        #expect(!results[0].body.contains(secret) && !results[1].body.contains(secret))
        #expect(results[3].headers["content-type"] == "text/html; charset=utf-8")
        server.stop()
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(!log.contains(secret))
    }

    @Test func aNetworkAddressNeedsAToken() throws {
        let run = try PanelistBinary().run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("set PANELIST_API_TOKEN"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }
}
