import Corpus
import Foundation
import Retrieval
import Store
import Testing
import TestSupport

/// A store keeps each passage's text length and, for each stop word, the passages that have it, as the
/// analyser finds them.
@Suite struct FunctionWordTableTests {
    func store(of texts: [String]) throws -> PassageStore {
        let passages = texts.enumerated().map { index, text in
            Passage(id: "p\(index)", expert: "", role: "", question: "", text: text, source: "t.jsonl", ordinal: index + 1)
        }
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(LoadedCorpus(passages: passages, files: [], contentHash: "t"), at: path, origin: "test")
        return try PassageStore(path: path)
    }

    /// The stop words the store says passage `doc` has.
    func stopWords(of doc: Int, in store: PassageStore) throws -> [String] {
        try StopWords.ordered.indices.filter { try #require(try store.passages(withFunctionWord: $0)).contains(Int32(doc)) }
            .map { StopWords.ordered[$0] }.sorted()
    }

    @Test func eachPassageHasItsStopWordsLengthAndCounts() throws {
        let texts = ["She sat herself on the rock.", "Rock bands play rock music, loud rock.", "Of the people, by the people, for the people.", "",
                     "U.S. sanctions: the IT of it."]
        let store = try store(of: texts)
        let table = try #require(try store.functionWords())
        #expect(table.passageCount == texts.count)
        let analyzer = Analyzer()
        for (doc, text) in texts.enumerated() {
            let analysis = analyzer.analysis(text)
            #expect(try stopWords(of: doc, in: store) == analysis.functionWords.indices.map { StopWords.ordered[$0] }.sorted(), "\(text)")
            #expect(table.length(of: Int32(doc)) == analysis.tokens.count)
        }
        #expect(try stopWords(of: 0, in: store) == ["herself", "on", "she", "the"])
        // "US" and "IT" in capitals are acronyms, not stop words; "it" and "of" are.
        #expect(try stopWords(of: 4, in: store) == ["it", "of", "the"])
        #expect(table.frequencies[StopWords.index["the"]!] == 3)
        #expect(table.frequencies[StopWords.index["she"]!] == 1)
        #expect(table.frequencies.reduce(0, +) == 11)
        let lengths = texts.indices.map { table.length(of: Int32($0)) }
        #expect(table.averageLength == Double(lengths.reduce(0, +)) / Double(lengths.filter { $0 > 0 }.count))
    }

    /// A bitmap holds 64 passages a word: passages on both sides of each boundary keep their own bits.
    @Test func passagesAcrossBitmapWordsKeepTheirStopWords() throws {
        let texts = (0..<150).map { $0 % 3 == 0 ? "the river \($0)" : ($0 % 3 == 1 ? "a river \($0)" : "river \($0)") }
        let store = try store(of: texts)
        let the = try #require(try store.passages(withFunctionWord: StopWords.index["the"]!))
        let a = try #require(try store.passages(withFunctionWord: StopWords.index["a"]!))
        let docs: [Int32] = Array(0..<150)
        let withThe: [Int32] = docs.filter { $0 % 3 == 0 }
        let withA: [Int32] = docs.filter { $0 % 3 == 1 }
        #expect(docs.filter(the.contains) == withThe)
        #expect(docs.filter(a.contains) == withA)
        #expect(try #require(try store.functionWords()).frequencies[StopWords.index["the"]!] == 50)
    }
}
