import Encoder
@testable import Service
import Testing

/// The service keeps recent questions' vectors: the same vectors as the encoder's, within a bound.
@Suite struct EmbeddingCacheTests {
    func encoder() throws -> SentenceEncoder {
        switch EncoderAvailability.load(ModelFiles.locate()) {
        case .available(let encoder): return encoder
        case .unavailable(let error):
            Issue.record("These tests run the real model, fetched by `make test` (scripts/fetch-model.sh): \(error.message)")
            throw error
        }
    }

    @Test func aCachedVectorIsTheEncodersOwnAndTheCacheStaysBounded() throws {
        let encoder = try encoder()
        let cache = EmbeddingCache(encoder, capacity: 4)
        let question = "What does Gabuev say about sanctions?"
        let direct = encoder.embed([question]) { _ in }
        #expect(try cache.embed([question]) { _ in } == direct)
        #expect(try cache.embed([question]) { _ in } == direct, "asked again: the kept vector, the same")
        #expect(cache.count == 1)
        for number in 1...9 { _ = try cache.embed(["question number \(number)"]) { _ in } }
        #expect(cache.count <= 4)
        let batch = try cache.embed(["one text", "another"]) { _ in }
        #expect(batch.count == 2 && cache.count <= 4, "texts embedded together pass straight through")
        #expect(cache.identifier == encoder.identifier && cache.dimensions == 384)
    }
}
