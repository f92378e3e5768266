/// The shape of a BERT encoder: all-MiniLM-L6-v2's values are the defaults (its `config.json`).
struct BertConfiguration: Sendable, Equatable {
    var vocabularySize = 30522
    var hiddenSize = 384
    var layers = 6
    var heads = 12
    var intermediateSize = 1536
    var maximumPositions = 512
    var tokenTypes = 2
    var layerNormEpsilon: Float = 1e-12

    /// The width of one attention head.
    var headSize: Int { hiddenSize / heads }
}
