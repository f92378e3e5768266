import Bundled
import Corpus
import Encoder
import Foundation
import Store
import Testing
import TestSupport

/// The vectors of each passage's sentences (`sentence_vectors`), made with the passage vectors.
@Suite struct SentenceVectorsTests {
    static func encoder() throws -> SentenceEncoder {
        switch EncoderAvailability.load(ModelFiles.locate()) {
        case .available(let encoder): return encoder
        case .unavailable(let error):
            Issue.record("This test runs the real model, fetched by `make test` (scripts/fetch-model.sh): \(error.message)")
            throw error
        }
    }

    @Test func aStoreBuiltWithTheEncoderHasOneVectorPerSentenceOfTheSplitter() throws {
        let encoder = try Self.encoder()
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(try seedCorpus(), at: path, origin: "test", semantic: SemanticIndexing(mode: .on, embedder: encoder))
        let store = try PassageStore(path: path)
        let question = encoder.embed("Is Russia worried about new sanctions?")
        let splitter = SentenceSplitter()
        for doc in 0..<Int32(store.passageCount) {
            let passage = try store.passage(doc)
            let similarities = try #require(try store.sentenceSimilarities(of: doc, to: question))
            let sentences = splitter.split(passage.text)
            #expect(similarities.count == sentences.count, "passage \(doc)")
            // The stored vectors are the encoder's own, rounded to a byte per component.
            let made = try #require(encoder.embed([SentencedText(heading: passage.question, sentences: sentences)], progress: { _ in }).first)
            for (stored, vector) in zip(similarities, made.sentences) {
                #expect(abs(stored - Double(zip(question, vector).reduce(0) { $0 + $1.0 * $1.1 })) < 0.002)
            }
        }
        #expect(throws: DatabaseError.self) { try store.sentenceSimilarities(of: 0, to: [Float](repeating: 0.05, count: 383)) }
    }

    @Test func anEmbedderThatCannotPoolSentencesAndABuildWithoutVectorsStoreNone() throws {
        let folder = try temporaryDirectory()
        let corpus = try DocumentLoader().load(
            (0..<3).map { index in
                let url = folder.appendingPathComponent("d\(index).md")
                try? "# Question \(index)?\n\nAnswer number \(index) about wheat. A second sentence.\n".write(to: url, atomically: true, encoding: .utf8)
                return url
            })
        var generator = SplitMix(seed: 5)
        let embedder = FixedEmbedder(vectors: (0..<3).map { _ in QuantizedVectorTests.unitVector(384, &generator) })
        let question = QuantizedVectorTests.unitVector(384, &generator)
        for semantic in [SemanticIndexing(mode: .on, embedder: embedder), SemanticIndexing(mode: .off, embedder: nil)] {
            let path = folder.appendingPathComponent("\(semantic.mode).sqlite").path
            try StoreBuilder().build(corpus, at: path, origin: "test", semantic: semantic)
            let store = try PassageStore(path: path)
            #expect(try store.sentenceSimilarities(of: 1, to: question) == nil)
        }
    }
}
