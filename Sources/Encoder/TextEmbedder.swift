/// Turns texts into unit vectors: the built-in encoder, or an OpenAI-compatible embeddings endpoint.
///
/// A store records the `identifier` of the embedder that made its vectors; a question is compared
/// with them only through an embedder of the same identifier, since vectors of two models live in
/// different spaces.
public protocol TextEmbedder: Sendable {
    /// What made the vectors, stable across runs: model, weights and anything that changes them.
    var identifier: String { get }
    /// The length of each vector.
    var dimensions: Int { get }
    /// The unit vectors of `texts`, in order, calling `progress` with the number done from time to time.
    ///
    /// - Throws: what `progress` throws, or why the vectors could not be made.
    func embed(_ texts: [String], progress: (_ done: Int) throws -> Void) throws -> [[Float]]
}

extension SentenceEncoder: TextEmbedder {
    public var identifier: String { identity.identifier }
}
