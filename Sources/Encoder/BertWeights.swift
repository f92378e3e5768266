/// A BERT encoder's parameters, read in place from a safetensors file (PyTorch's `BertModel` names,
/// without a `bert.` prefix; the pooler is not used).
///
/// Every buffer points into the file's memory map, which `file` keeps alive.
struct BertWeights: @unchecked Sendable {
    /// y = x · Wᵀ + b, with W stored as outputs × inputs (PyTorch's `Linear`).
    struct Linear {
        var weight: UnsafeBufferPointer<Float>
        var bias: UnsafeBufferPointer<Float>
        var inputs: Int
        var outputs: Int
    }

    /// LayerNorm's scale (γ) and shift (β).
    struct Norm {
        var scale: UnsafeBufferPointer<Float>
        var shift: UnsafeBufferPointer<Float>
    }

    struct Layer {
        var query: Linear
        var key: Linear
        var value: Linear
        var attentionOutput: Linear
        var attentionNorm: Norm
        var intermediate: Linear
        var output: Linear
        var outputNorm: Norm
    }

    let file: SafeTensors
    let configuration: BertConfiguration
    let wordEmbeddings: UnsafeBufferPointer<Float>
    let positionEmbeddings: UnsafeBufferPointer<Float>
    let tokenTypeEmbeddings: UnsafeBufferPointer<Float>
    let embeddingNorm: Norm
    let layers: [Layer]

    /// Finds and checks every tensor the encoder needs.
    ///
    /// - Throws: `SafeTensors.FormatError` naming the first tensor that is missing, not F32, or of the
    ///   wrong shape.
    init(file: SafeTensors, configuration: BertConfiguration) throws(SafeTensors.FormatError) {
        self.file = file
        self.configuration = configuration
        let hidden = configuration.hiddenSize
        func linear(_ name: String, inputs: Int, outputs: Int) throws(SafeTensors.FormatError) -> Linear {
            Linear(
                weight: try file.floats(name + ".weight", shape: [outputs, inputs]),
                bias: try file.floats(name + ".bias", shape: [outputs]), inputs: inputs, outputs: outputs)
        }
        func norm(_ name: String) throws(SafeTensors.FormatError) -> Norm {
            Norm(
                scale: try file.floats(name + ".weight", shape: [hidden]),
                shift: try file.floats(name + ".bias", shape: [hidden]))
        }
        wordEmbeddings = try file.floats(
            "embeddings.word_embeddings.weight", shape: [configuration.vocabularySize, hidden])
        positionEmbeddings = try file.floats(
            "embeddings.position_embeddings.weight", shape: [configuration.maximumPositions, hidden])
        tokenTypeEmbeddings = try file.floats(
            "embeddings.token_type_embeddings.weight", shape: [configuration.tokenTypes, hidden])
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for index in 0..<configuration.layers {
            let prefix = "encoder.layer.\(index)."
            layers.append(
                Layer(
                    query: try linear(prefix + "attention.self.query", inputs: hidden, outputs: hidden),
                    key: try linear(prefix + "attention.self.key", inputs: hidden, outputs: hidden),
                    value: try linear(prefix + "attention.self.value", inputs: hidden, outputs: hidden),
                    attentionOutput: try linear(prefix + "attention.output.dense", inputs: hidden, outputs: hidden),
                    attentionNorm: try norm(prefix + "attention.output.LayerNorm"),
                    intermediate: try linear(
                        prefix + "intermediate.dense", inputs: hidden, outputs: configuration.intermediateSize),
                    output: try linear(
                        prefix + "output.dense", inputs: configuration.intermediateSize, outputs: hidden),
                    outputNorm: try norm(prefix + "output.LayerNorm")))
        }
        self.layers = layers
    }
}
