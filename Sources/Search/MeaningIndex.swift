import Encoder
import Store

/// A store's passage vectors with the embedder that made them: compares a question with every
/// passage by meaning (the dense half of hybrid retrieval).
public struct MeaningIndex: Sendable {
    public let embedder: any TextEmbedder
    let vectors: VectorTable

    /// Why a store's vectors cannot be used.
    public enum Unavailable: Error, Equatable {
        /// The store was built without vectors.
        case noVectors
        /// The store's vectors were made by another encoder than the one at hand.
        case otherEncoder(store: String, available: String)
        /// The store has vectors but no embedder is at hand; the reason is the notice to show.
        case noEmbedder(String)

        /// One line for the user, or nil when there is nothing to say (a store without vectors).
        public var notice: String? {
            switch self {
            case .noVectors: return nil
            case .otherEncoder(let store, let available):
                return "Matching by meaning is off: the store's vectors were made by \(store), not by \(available); rebuild the store with `panelist index` to use it"
            case .noEmbedder(let reason): return reason
            }
        }
    }

    /// The meaning index of `store`, or why there is none.
    ///
    /// - Parameters:
    ///   - store: The store, with or without vectors.
    ///   - embedder: What embeds questions; it must be the embedder that made the store's vectors.
    ///   - unavailableNotice: What to say when the store has vectors and `embedder` is nil.
    /// - Throws: `DatabaseError` when the vectors cannot be read.
    public static func of(_ store: PassageStore, embedder: (any TextEmbedder)?, unavailableNotice: String?) throws -> Result<MeaningIndex, Unavailable> {
        guard let encoder = store.vectorEncoder else { return .failure(.noVectors) }
        guard let embedder else { return .failure(.noEmbedder(unavailableNotice ?? "Matching by meaning is off: no sentence encoder is available")) }
        guard embedder.identifier == encoder else { return .failure(.otherEncoder(store: encoder, available: embedder.identifier)) }
        let vectors = try store.vectors()
        guard vectors.dimensions == embedder.dimensions, vectors.count == store.passageCount else {
            return .failure(.otherEncoder(store: encoder, available: embedder.identifier))
        }
        return .success(MeaningIndex(embedder: embedder, vectors: vectors))
    }

    /// The unit vector of `text` (a question), to compare with passages and their sentences.
    ///
    /// - Throws: what the embedder throws (an endpoint that fails).
    public func vector(of text: String) throws -> [Float]? {
        try embedder.embed([text], progress: { _ in }).first
    }

    /// The cosine of `question`, a unit vector, with each passage's (restricted to `allowed` when given).
    public func similarities(to question: [Float], allowed: Set<Int32>? = nil) -> [Int32: Double] {
        var similarities: [Int32: Double] = [:]
        for (row, similarity) in vectors.similarities(to: question, allowed: allowed).enumerated() {
            if let similarity { similarities[vectors.docs[row]] = Double(similarity) }
        }
        return similarities
    }
}
