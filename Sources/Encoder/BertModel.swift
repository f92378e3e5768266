/// BERT's forward pass with mean pooling and L2 normalisation: token ids in, one unit vector per sequence out.
///
/// Sequences of a batch are packed one after another (no padding): the linear layers run as one
/// matrix product over every token of the batch, and attention runs per sequence and head over that
/// sequence's own tokens, which is what an attention mask over a padded batch computes, without the
/// padded rows. A text's vector thus depends on its batch only through OpenBLAS, which blocks a
/// product's sums by its number of rows: alone and in a batch, vectors differ by at most about 2e-7 per
/// component. The same batch gives the same bits every time.
///
/// Per layer (PyTorch's `BertLayer`, dropout off):
/// ```
/// q, k, v = x·Wqᵀ + bq, x·Wkᵀ + bk, x·Wvᵀ + bv            one product each, into one row of 3·hidden
/// a       = softmax(q·kᵀ / √headSize) · v             per sequence and head
/// x       = LayerNorm(x + a·Woᵀ + bo)
/// x       = LayerNorm(x + GELU(x·W1ᵀ + b1)·W2ᵀ + b2)
/// ```
/// after the embeddings: LayerNorm(word + position + token type 0).
struct BertModel: Sendable {
    let weights: BertWeights
    var configuration: BertConfiguration { weights.configuration }

    /// The pooled, L2-normalised vectors of `sequences` (token ids, each at most `maximumPositions`
    /// long and not empty), written row after row into `output` (`sequences.count × hiddenSize`).
    ///
    /// With `spans` (one list per sequence, token ranges within it), each span's tokens are also
    /// mean-pooled and normalised, from the same pass, into `spanOutput`, span after span ("late
    /// chunking": a sentence's vector in the context of its passage, for no further encoder work).
    ///
    /// - Complexity: O(t · h² · L) for t tokens in all, hidden size h and L layers, plus O(Σ nᵢ² · h · L)
    ///   for attention over sequences of nᵢ tokens. Memory: O(t · h) floats of scratch space.
    func embed(_ sequences: [[Int32]], into output: UnsafeMutablePointer<Float>,
               spans: [[Range<Int>]] = [], spanOutput: UnsafeMutablePointer<Float>? = nil) {
        let hidden = configuration.hiddenSize
        let tokens = sequences.reduce(0) { $0 + $1.count }
        let longest = sequences.map(\.count).max() ?? 0
        precondition(sequences.allSatisfy { !$0.isEmpty } && longest <= configuration.maximumPositions)
        precondition(spans.isEmpty || (spans.count == sequences.count && spanOutput != nil))
        let workspace = Workspace(tokens: tokens, longest: longest, configuration: configuration)
        defer { workspace.deallocate() }

        embedTokens(sequences, into: workspace.states)
        for layer in weights.layers {
            encode(layer: layer, sequences: sequences, tokens: tokens, workspace: workspace)
        }

        var row = 0
        var spanRow = 0
        for (index, sequence) in sequences.enumerated() {
            pool(workspace.states + row * hidden, tokens: 0..<sequence.count, into: output + index * hidden)
            for span in spans.isEmpty ? [] : spans[index] {
                precondition(!span.isEmpty && span.upperBound <= sequence.count, "a span must lie within its sequence")
                pool(workspace.states + row * hidden, tokens: span, into: spanOutput.unsafelyUnwrapped + spanRow * hidden)
                spanRow += 1
            }
            row += sequence.count
        }
    }

    /// The mean of the hidden states of `tokens` (rows after `states`), L2-normalised, into `vector`.
    private func pool(_ states: UnsafePointer<Float>, tokens: Range<Int>, into vector: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        vector.initialize(repeating: 0, count: hidden)
        for token in tokens {
            let state = states + token * hidden
            for column in 0..<hidden { vector[column] += state[column] }
        }
        var squares: Float = 0
        for column in 0..<hidden {
            vector[column] /= Float(tokens.count)
            squares += vector[column] * vector[column]
        }
        let inverse = 1 / Swift.max(squares.squareRoot(), 1e-12)
        for column in 0..<hidden { vector[column] *= inverse }
    }

    /// word + position + token type 0 embeddings, then LayerNorm, for every token.
    private func embedTokens(_ sequences: [[Int32]], into states: UnsafeMutablePointer<Float>) {
        let hidden = configuration.hiddenSize
        let words = weights.wordEmbeddings.baseAddress.unsafelyUnwrapped
        let positions = weights.positionEmbeddings.baseAddress.unsafelyUnwrapped
        let tokenType = weights.tokenTypeEmbeddings.baseAddress.unsafelyUnwrapped
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let word = words + Int(id) * hidden
                let place = positions + position * hidden
                let state = states + row * hidden
                for column in 0..<hidden { state[column] = word[column] + place[column] + tokenType[column] }
                row += 1
            }
        }
        Kernels.layerNorm(
            states, rows: row, width: hidden, scale: weights.embeddingNorm.scale, shift: weights.embeddingNorm.shift,
            epsilon: configuration.layerNormEpsilon)
    }

    /// One encoder layer over every token, in place in `workspace.states`.
    private func encode(layer: BertWeights.Layer, sequences: [[Int32]], tokens: Int, workspace: Workspace) {
        let hidden = configuration.hiddenSize
        let states = workspace.states
        let projections = workspace.projections
        let width = 3 * hidden

        // q | k | v side by side in each token's row of `projections`.
        for (index, linear) in [layer.query, layer.key, layer.value].enumerated() {
            Self.linear(linear, input: states, rows: tokens, into: projections + index * hidden, stride: width)
        }

        // Attention per sequence and head, written into `context` (the heads side by side).
        let headSize = configuration.headSize
        let scale = 1 / Float(headSize).squareRoot()
        var first = 0
        for sequence in sequences {
            let count = sequence.count
            let rows = projections + first * width
            for head in 0..<configuration.heads {
                let query = rows + head * headSize
                let key = rows + hidden + head * headSize
                let value = rows + 2 * hidden + head * headSize
                OpenBLAS.multiply(
                    m: count, n: count, k: headSize, alpha: scale, a: query, lda: width, b: key, ldb: width,
                    transposingB: true, beta: 0, c: workspace.scores, ldc: count)
                Kernels.softmax(workspace.scores, rows: count, width: count, stride: count)
                OpenBLAS.multiply(
                    m: count, n: headSize, k: count, a: workspace.scores, lda: count, b: value, ldb: width,
                    transposingB: false, beta: 0, c: workspace.context + first * hidden + head * headSize, ldc: hidden)
            }
            first += count
        }

        // x = LayerNorm(x + context·Woᵀ + bo), the sum formed in `attended`.
        Self.linear(
            layer.attentionOutput, input: workspace.context, rows: tokens, into: workspace.attended, stride: hidden,
            residual: states)
        Kernels.layerNorm(
            workspace.attended, rows: tokens, width: hidden, scale: layer.attentionNorm.scale,
            shift: layer.attentionNorm.shift, epsilon: configuration.layerNormEpsilon)

        // x = LayerNorm(x + GELU(x·W1ᵀ + b1)·W2ᵀ + b2), back into `states`.
        Self.linear(
            layer.intermediate, input: workspace.attended, rows: tokens, into: workspace.intermediate,
            stride: configuration.intermediateSize)
        Kernels.gelu(workspace.intermediate, count: tokens * configuration.intermediateSize)
        Self.linear(
            layer.output, input: workspace.intermediate, rows: tokens, into: states, stride: hidden,
            residual: workspace.attended)
        Kernels.layerNorm(
            states, rows: tokens, width: hidden, scale: layer.outputNorm.scale, shift: layer.outputNorm.shift,
            epsilon: configuration.layerNormEpsilon)
    }

    /// output = input · Wᵀ + b (+ residual), for `rows` rows; output rows are `stride` floats apart,
    /// input and residual rows are packed. The bias (and residual) are written first and the product
    /// added to them by the same call.
    private static func linear(
        _ linear: BertWeights.Linear, input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
        stride: Int, residual: UnsafePointer<Float>? = nil
    ) {
        let bias = linear.bias.baseAddress.unsafelyUnwrapped
        for row in 0..<rows {
            let target = output + row * stride
            if let residual {
                let source = residual + row * linear.outputs
                for column in 0..<linear.outputs { target[column] = source[column] + bias[column] }
            } else {
                target.update(from: bias, count: linear.outputs)
            }
        }
        OpenBLAS.multiply(
            m: rows, n: linear.outputs, k: linear.inputs, a: input, lda: linear.inputs,
            b: linear.weight.baseAddress.unsafelyUnwrapped, ldb: linear.inputs, transposingB: true, beta: 1, c: output,
            ldc: stride)
    }

    /// Scratch space for one batch, allocated once and freed by `deallocate()`.
    private struct Workspace {
        /// Each token's hidden state (tokens × hidden).
        let states: UnsafeMutablePointer<Float>
        /// q | k | v per token (tokens × 3·hidden).
        let projections: UnsafeMutablePointer<Float>
        /// Attention output before its projection (tokens × hidden).
        let context: UnsafeMutablePointer<Float>
        /// The state after the attention block (tokens × hidden).
        let attended: UnsafeMutablePointer<Float>
        /// The feed-forward's inner activations (tokens × intermediate).
        let intermediate: UnsafeMutablePointer<Float>
        /// One head's attention scores (longest × longest).
        let scores: UnsafeMutablePointer<Float>

        init(tokens: Int, longest: Int, configuration: BertConfiguration) {
            let hidden = configuration.hiddenSize
            states = .allocate(capacity: tokens * hidden)
            projections = .allocate(capacity: tokens * 3 * hidden)
            context = .allocate(capacity: tokens * hidden)
            attended = .allocate(capacity: tokens * hidden)
            intermediate = .allocate(capacity: tokens * configuration.intermediateSize)
            scores = .allocate(capacity: Swift.max(longest * longest, 1))
        }

        func deallocate() {
            for buffer in [states, projections, context, attended, intermediate, scores] { buffer.deallocate() }
        }
    }
}
