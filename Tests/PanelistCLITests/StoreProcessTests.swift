import Corpus
import Foundation
import Retrieval
import Testing

/// A store written by one process ranks, in a fresh process, exactly as the in-memory scorer does.
@Suite struct StoreProcessTests {
    @Test func freshProcessRanksLikeTheInMemoryScorer() throws {
        let binary = try PanelistBinary()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpusURL = root.appendingPathComponent("store/carnegie-moscow-experts.txt")
        let store = binary.home.appendingPathComponent("seed.sqlite").path
        #expect(try binary.run(["index", corpusURL.path, "--store", store]).status == 0)
        let memory = InMemoryIndex(passages: try DocumentLoader().load([corpusURL]).passages)
        for question in ["What does the Kremlin think of Trump?", "Kerch Strait", "regional powers crises", "arms race"] {
            let run = try binary.run(["search", question, "--store", store, "--json", "--k", "10", "--literal"])
            let fromStore = try PanelistBinary.decode(SearchJSON.self, from: run).passages.map(\.id)
            let hits = try Scorer().search(Query(text: question, analyzer: Analyzer()), in: memory, k: 10)
            #expect(fromStore == hits.map { memory.passages[Int($0.passage)].id })
        }
    }
}
