import Encoder

/// What embeds the questions to a store with vectors, or why nothing does: the built-in encoder, or the
/// embeddings endpoint that made the store's vectors (`EmbeddingsClient`). Both `panelist` and
/// `panelist-server` resolve a store's vectors this way.
public struct MeaningSource: Sendable {
    public var embedder: (any TextEmbedder)?
    /// Why there is no embedder, for a store that has vectors.
    public var notice: String?

    public init(embedder: (any TextEmbedder)?, notice: String?) {
        self.embedder = embedder
        self.notice = notice
    }

    public init(_ availability: EncoderAvailability) {
        self.init(embedder: availability.encoder, notice: availability.notice)
    }

    /// The source for vectors recorded as `identifier` (nil: the store has none, and nothing is loaded).
    ///
    /// - Parameters:
    ///   - identifier: The store's `vectorEncoder`.
    ///   - model: Where the built-in encoder's files are.
    ///   - singleThreaded: Whether the built-in encoder runs OpenBLAS on the calling thread only.
    public static func forVectors(_ identifier: String?, model: ModelFiles, singleThreaded: Bool = true) -> MeaningSource? {
        guard let identifier else { return nil }
        switch EmbeddingsClient.forStore(identifier: identifier) {
        case .success(let client)?: return MeaningSource(embedder: client, notice: nil)
        case .failure(let error)?: return MeaningSource(embedder: nil, notice: "Matching by meaning is off: \(error.message)")
        case nil: return MeaningSource(EncoderAvailability.load(model, singleThreaded: singleThreaded))
        }
    }
}
