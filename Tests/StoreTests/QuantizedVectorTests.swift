import Corpus
import Encoder
import Foundation
import Store
import Testing
import TestSupport

/// Gives the passage "… number N …" the N-th of its vectors: a store test needs known vectors, not a model.
struct FixedEmbedder: TextEmbedder {
    static let name = "fixed-test-vectors"
    let vectors: [[Float]]
    var identifier: String { Self.name }
    var dimensions: Int { 384 }

    func embed(_ texts: [String], progress: (Int) throws -> Void) throws -> [[Float]] {
        try texts.map { text in
            let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            guard let at = words.firstIndex(of: "number"), let index = Int(words[at + 1]) else { throw CocoaError(.formatting) }
            return vectors[index]
        }
    }
}

/// Passage vectors kept in one byte per component (`QuantizedVector`) and compared in place (`VectorTable`).
@Suite struct QuantizedVectorTests {
    /// A random unit vector of `dimensions` components.
    static func unitVector(_ dimensions: Int, _ generator: inout SplitMix) -> [Float] {
        let raw = (0..<dimensions).map { _ in Float(generator.next() % 20_001) / 10_000 - 1 }
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return raw.map { $0 / norm }
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test func aRoundTripKeepsTheDirection() {
        var generator = SplitMix(seed: 3)
        for _ in 0..<200 {
            let vector = Self.unitVector(384, &generator)
            let bytes = QuantizedVector.encode(vector)
            #expect(bytes.count == 388)
            #expect(QuantizedVector.dimensions(ofByteCount: bytes.count) == 384)
            let back = QuantizedVector.decode(bytes)
            #expect(abs(Self.dot(back, back) - 1) < 1e-5, "the rounded vector is a unit vector again")
            #expect(Self.dot(vector, back) > 0.9999)
        }
    }

    @Test func aZeroVectorStaysZero() {
        #expect(QuantizedVector.decode(QuantizedVector.encode([0, 0, 0])) == [0, 0, 0])
    }

    @Test func similaritiesInAStoreAreTheCosinesOfTheRoundedVectors() throws {
        var generator = SplitMix(seed: 11)
        let vectors = (0..<5).map { _ in Self.unitVector(384, &generator) }
        let embedder = FixedEmbedder(vectors: vectors)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-vectors-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("s.sqlite").path
        let corpus = try DocumentLoader().load(
            (0..<5).map { index in
                let url = folder.appendingPathComponent("d\(index).md")
                try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try? "# Question \(index)?\n\nAnswer number \(index) about wheat.\n".write(to: url, atomically: true, encoding: .utf8)
                return url
            })
        let summary = try StoreBuilder().build(corpus, at: path, origin: "test", semantic: SemanticIndexing(mode: .on, embedder: embedder))
        #expect(summary.vectors == .made(count: 5, encoder: FixedEmbedder.name))
        let store = try PassageStore(path: path)
        #expect(store.vectorEncoder == FixedEmbedder.name)
        let table = try store.vectors()
        #expect(table.count == 5 && table.dimensions == 384)
        let similarities = table.similarities(to: vectors[2])
        for (row, similarity) in similarities.enumerated() {
            let rounded = QuantizedVector.decode(QuantizedVector.encode(vectors[row]))
            #expect(abs((similarity ?? .nan) - Self.dot(vectors[2], rounded)) < 1e-5)
        }
        #expect(table.similarities(to: vectors[2], allowed: [2]).compactMap { $0 }.count == 1)
    }

    @Test func autoLeavesOutTheVectorsOfALargeCorpusAndOffMakesNone() throws {
        let embedder = FixedEmbedder(vectors: [])
        var auto = SemanticIndexing(mode: .auto, embedder: embedder)
        #expect(auto.wants(passages: SemanticIndexing.automaticLimit))
        #expect(!auto.wants(passages: SemanticIndexing.automaticLimit + 1))
        auto.mode = .on
        #expect(auto.wants(passages: SemanticIndexing.automaticLimit * 10))
        #expect(!SemanticIndexing(mode: .off, embedder: embedder).wants(passages: 1))
        #expect(!SemanticIndexing(mode: .on, embedder: nil).wants(passages: 1))
    }
}
