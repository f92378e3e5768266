import Foundation
import Testing
import TestSupport

/// `index --embeddings URL`: vectors from an OpenAI-compatible `/v1/embeddings` server (the scripted
/// one over loopback), batched, retried, recorded in the store, used for its questions, key never shown.
@Suite struct EmbeddingsEndpointTests {
    /// A JSON Lines corpus of `count` passages, more than one request's 64 texts.
    static func corpus(in folder: URL, count: Int) throws -> URL {
        let topics = ["wheat harvests", "naval patrols", "oil exports", "bank sanctions", "border talks"]
        let lines = (0..<count).map { index in
            "{\"id\": \"p\(index)\", \"expert\": \"Expert \(index % 3)\", \"text\": \"Passage \(index) is about \(topics[index % topics.count]) in year \(2000 + index).\"}"
        }
        let url = folder.appendingPathComponent("corpus.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func anEndpointMakesTheVectorsInBatchesAndAnswersTheStoresQuestions() throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let binary = try PanelistBinary()
        let corpus = try Self.corpus(in: binary.home, count: 150)
        let store = binary.home.appendingPathComponent("e.sqlite").path
        let key = ["PANELIST_EMBEDDINGS_API_KEY": "sk-embeddings-secret-0123456789"]
        let built = try binary.run(["index", corpus.path, "--store", store, "--embeddings", server.url, "--embeddings-model", "flaky-words:1:build"], environment: key)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("150 passages") && built.stdout.contains("150 vectors"), "150 texts went in requests of at most 64, one retried")
        let search = try binary.run(["search", "wheat harvests", "--store", store, "--json", "--explain"], environment: key)
        #expect(search.status == 0, "\(search.stderr)")
        let passages = try PanelistBinary.decode(SearchJSON.self, from: search).passages
        #expect(passages.allSatisfy { $0.similarity != nil })
        #expect(passages.first?.text.contains("wheat harvests") == true)
        for run in [built, search] { #expect(!(run.stdout + run.stderr).contains("secret")) }
    }

    @Test func aRejectedKeyIsOneLineWithoutTheKey() throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let binary = try PanelistBinary()
        let corpus = try Self.corpus(in: binary.home, count: 3)
        let store = binary.home.appendingPathComponent("e.sqlite").path
        let run = try binary.run(["index", corpus.path, "--store", store, "--embeddings", server.url, "--embeddings-model", "reject-key"],
                                 environment: ["PANELIST_EMBEDDINGS_API_KEY": "sk-embeddings-secret-0123456789"])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("HTTP 401") && !run.stderr.contains("secret"))
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func aStoreWhoseEndpointIsGoneIsSearchedByWords() throws {
        let server = try FakeLLMServer()
        let binary = try PanelistBinary()
        let corpus = try Self.corpus(in: binary.home, count: 10)
        let store = binary.home.appendingPathComponent("e.sqlite").path
        #expect(try binary.run(["index", corpus.path, "--store", store, "--embeddings", server.url, "--embeddings-model", "words"]).status == 0)
        server.stop()
        let search = try binary.run(["search", "oil exports", "--store", store, "--json", "--explain"])
        #expect(search.status == 0)
        #expect(search.stderr.hasPrefix("Matching by meaning is off: "))
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.first?.text.contains("oil exports") == true)
    }
}
