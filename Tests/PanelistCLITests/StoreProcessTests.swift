import Answering
import Corpus
import Foundation
import Retrieval
import Search
import Store
import Testing

/// A store written by one process ranks, in this process, exactly as the in-memory scorer does, and a
/// fresh `search` process answers exactly as a retriever in this process over the same store.
@Suite struct StoreProcessTests {
    @Test func freshProcessRanksLikeTheInMemoryScorer() throws {
        let binary = try PanelistBinary()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpusURL = root.appendingPathComponent("store/carnegie-moscow-experts.txt")
        let path = binary.home.appendingPathComponent("seed.sqlite").path
        #expect(try binary.run(["index", corpusURL.path, "--store", path]).status == 0)
        let memory = InMemoryIndex(passages: try DocumentLoader().load([corpusURL]).passages)
        let store = try PassageStore(path: path)
        var literal = RetrievalSettings()
        literal.lexicalExpansion = false
        literal.typoTolerance = false
        let retriever = try Retriever(store: store, settings: literal)
        for question in ["What does the Kremlin think of Trump?", "Kerch Strait", "regional powers crises", "arms race"] {
            let query = Query(text: question, analyzer: Analyzer())
            let fromStore = try Scorer().search(query, in: store, k: 10).map { try store.passage($0.passage).id }
            let fromMemory = try Scorer().search(query, in: memory, k: 10).map { memory.passages[Int($0.passage)].id }
            #expect(fromStore == fromMemory)
            let run = try binary.run(["search", question, "--store", path, "--json", "--k", "10", "--literal"])
            let fromProcess = try PanelistBinary.decode(SearchJSON.self, from: run).passages.map(\.id)
            #expect(fromProcess == (try retriever.search(retriever.query(for: question, functionWords: true), k: 10).passages.map(\.passage.id)))
        }
    }
}
