import Corpus
import Foundation
import Retrieval
import Store
import Testing
import TestSupport

/// A store keeps each passage's stop words and text length, as the analyser finds them.
@Suite struct FunctionWordTableTests {
    @Test func eachPassageHasItsStopWordsLengthAndCounts() throws {
        let texts = ["She sat herself on the rock.", "Rock bands play rock music, loud rock.", "Of the people, by the people, for the people.", "",
                     "U.S. sanctions: the IT of it."]
        let passages = texts.enumerated().map { index, text in
            Passage(id: "p\(index)", expert: "", role: "", question: "", text: text, source: "t.jsonl", ordinal: index + 1)
        }
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(LoadedCorpus(passages: passages, files: [], contentHash: "t"), at: path, origin: "test")
        let table = try #require(try PassageStore(path: path).functionWords())
        #expect(table.passageCount == texts.count)
        let analyzer = Analyzer()
        for (doc, text) in texts.enumerated() {
            let analysis = analyzer.analysis(text)
            #expect(table.set(of: Int32(doc)) == analysis.functionWords, "\(text)")
            #expect(table.length(of: Int32(doc)) == analysis.tokens.count)
        }
        #expect(table.set(of: 0).indices.map { StopWords.ordered[$0] }.sorted() == ["herself", "on", "she", "the"])
        // "US" and "IT" in capitals are acronyms, not stop words; "it" and "of" are.
        #expect(table.set(of: 4).indices.map { StopWords.ordered[$0] }.sorted() == ["it", "of", "the"])
        #expect(table.frequencies[StopWords.index["the"]!] == 3)
        #expect(table.frequencies[StopWords.index["she"]!] == 1)
        #expect(table.frequencies.reduce(0, +) == 11)
        let lengths = texts.indices.map { table.length(of: Int32($0)) }
        #expect(table.averageLength == Double(lengths.reduce(0, +)) / Double(lengths.filter { $0 > 0 }.count))
    }
}
