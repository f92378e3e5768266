import Foundation

/// all-MiniLM-L6-v2 in process: text in, a 384-dimensional unit vector out, matching
/// sentence-transformers (token ids exactly, vectors to a cosine of at least 0.9999).
///
/// Loading maps the weights file (87 MB, read from the page cache on first use, not copied), reads the
/// vocabulary and opens OpenBLAS; it takes a few milliseconds once the files have been verified (see
/// `ModelFiles.verify()`). The encoder is immutable and can be shared across threads.
///
/// ```swift
/// let encoder = try SentenceEncoder(files: ModelFiles.locate())
/// let question = encoder.embed("What does Gabuev say about sanctions?")
/// let passages = encoder.embed(passageTexts)  // batched; one text at a time gives them to within 2e-7
/// let similarity = zip(question, passages[0]).reduce(0) { $0 + $1.0 * $1.1 }  // cosine: unit vectors
/// ```
///
/// Texts longer than 254 word pieces are cut there (sentence-transformers' `max_seq_length` 256).
public final class SentenceEncoder: Sendable {
    /// Which encoder this is; a store records `identity.identifier` with its vectors.
    public let identity: EncoderIdentity
    public let tokenizer: WordPieceTokenizer
    /// The most tokens one forward pass holds; a larger batch is encoded in parts of at most this many
    /// tokens, which bounds scratch memory at about 15 KB per token (2,048 tokens: 31 MB).
    public let maximumBatchTokens: Int
    let model: BertModel

    /// The address space the encoder may map besides what the process has: the weights (87 MB),
    /// OpenBLAS's buffers (128 MB for each of its threads) and a batch's scratch memory. OpenBLAS
    /// does not fail cleanly when it cannot map a buffer (its threads retry for ever), so the encoder
    /// is not started without this room.
    static let addressSpaceNeeded = 1 << 30

    /// The length of each vector (384).
    public var dimensions: Int { identity.dimensions }

    /// Verifies and loads the model in `files`.
    ///
    /// - Parameters:
    ///   - files: the model folder (`ModelFiles.locate(modelDirectory:)`).
    ///   - maximumBatchTokens: the most tokens per forward pass (at least 256).
    ///   - singleThreaded: run OpenBLAS on the calling thread only, unless `OPENBLAS_NUM_THREADS` says
    ///     otherwise: one question's products are too small to share, and starting OpenBLAS's thread
    ///     pool costs a one-shot command more than it saves (one-shot `embed`: 23.5 ms against 31.2 ms,
    ///     docs/PERFORMANCE.md). It takes effect when OpenBLAS is first loaded in the process.
    /// - Throws: `EncoderError`: `.modelMissing`, `.modelDamaged`, `.libraryUnavailable` or
    ///   `.addressSpaceLimited`, with a one-line message that says how to fix it.
    public init(files: ModelFiles, maximumBatchTokens: Int = 2048, singleThreaded: Bool = false) throws(EncoderError) {
        let configuration = BertConfiguration()
        precondition(maximumBatchTokens >= 256, "a batch must hold the longest text")
        if let limit = AddressSpace.limit, limit - AddressSpace.used < Self.addressSpaceNeeded {
            throw EncoderError(
                .addressSpaceLimited,
                "the address-space limit (ulimit -v \(limit >> 10)) leaves too little room for the sentence encoder, which needs about \(Self.addressSpaceNeeded >> 20) MB more (its weights and OpenBLAS's buffers); raise the limit")
        }
        try files.verify()
        if singleThreaded { setenv("OPENBLAS_NUM_THREADS", "1", 0) }
        if let failure = OpenBLAS.loadFailure {
            throw EncoderError(
                .libraryUnavailable,
                "OpenBLAS could not be loaded (\(failure)); install libopenblas-dev (scripts/install-deps.sh).")
        }
        let vocabulary: Vocabulary
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: files.vocabularyPath))
            vocabulary = try Vocabulary(contents: Array(data))
        } catch let error as Vocabulary.FormatError {
            throw files.damaged("vocab.txt: \(error.reason)")
        } catch {
            throw files.damaged("vocab.txt cannot be read")
        }
        guard vocabulary.count == configuration.vocabularySize else {
            throw files.damaged("vocab.txt has \(vocabulary.count) tokens, expected \(configuration.vocabularySize)")
        }
        let weights: BertWeights
        do {
            weights = try BertWeights(file: SafeTensors(path: files.weightsPath), configuration: configuration)
        } catch let error as SafeTensors.FormatError {
            throw files.damaged("model.safetensors: \(error.reason)")
        } catch let error as MappedFile.Failure {
            throw files.damaged("model.safetensors cannot be mapped (\(error.reason))")
        } catch {
            throw files.damaged("model.safetensors: \(error)")
        }
        let tokenizer = WordPieceTokenizer(vocabulary: vocabulary, maximumLength: 256)
        self.tokenizer = tokenizer
        self.model = BertModel(weights: weights)
        self.maximumBatchTokens = maximumBatchTokens
        identity = EncoderIdentity(
            model: ModelFiles.modelName, weightsSHA256: ModelFiles.weights.sha256, dimensions: configuration.hiddenSize,
            maximumTokens: tokenizer.maximumLength)
    }

    /// The vector of one text.
    ///
    /// - Complexity: O(n) in the text's tokens for the layers' products (plus O(n²) attention), at most 256.
    public func embed(_ text: String) -> [Float] {
        embed(tokenIDs: [tokenizer.encode(text)])[0]
    }

    /// The vectors of `texts`, in order, computed in batches; each is the vector `embed(_:)` gives that
    /// text alone, to within 2e-7 per component (see `BertModel`).
    public func embed(_ texts: [String]) -> [[Float]] {
        embed(texts, progress: { _ in })
    }

    /// The vectors of `texts`, in order, calling `progress` with the number of texts done after each
    /// part of at most `maximumBatchTokens` tokens; an error thrown by `progress` stops the work.
    /// Texts are tokenized part by part, so memory holds one part's tokens besides the vectors.
    ///
    /// - Throws: only what `progress` throws.
    public func embed(_ texts: [String], progress: (_ done: Int) throws -> Void) rethrows -> [[Float]] {
        try embedInParts(count: texts.count, tokens: { tokenizer.encode(texts[$0]) }, progress: progress)
    }

    /// The vectors of already tokenized texts (`tokenizer.encode`), in order.
    public func embed(tokenIDs: [[Int32]]) -> [[Float]] {
        embed(tokenIDs: tokenIDs, progress: { _ in })
    }

    /// The vectors of already tokenized texts, in parts of at most `maximumBatchTokens` tokens.
    ///
    /// - Throws: only what `progress` throws.
    public func embed(tokenIDs: [[Int32]], progress: (_ done: Int) throws -> Void) rethrows -> [[Float]] {
        precondition(tokenIDs.allSatisfy { !$0.isEmpty && $0.count <= tokenizer.maximumLength })
        return try embedInParts(count: tokenIDs.count, tokens: { tokenIDs[$0] }, progress: progress)
    }

    /// Encodes texts `0..<count` (their ids from `tokens`) in order, a part of at most
    /// `maximumBatchTokens` tokens at a time (a longer text alone).
    private func embedInParts(
        count: Int, tokens: (Int) -> [Int32], progress: (_ done: Int) throws -> Void
    ) rethrows -> [[Float]] {
        try embedInParts(count: count, tokens: { (tokens($0), []) }, progress: progress).map(\.vector)
    }

    /// Encodes texts `0..<count` in order, each with the token spans whose pooled vectors are wanted too
    /// (see `BertModel.embed`), a part of at most `maximumBatchTokens` tokens at a time.
    func embedInParts(
        count: Int, tokens: (Int) -> (ids: [Int32], spans: [Range<Int>]), progress: (_ done: Int) throws -> Void
    ) rethrows -> [(vector: [Float], spans: [[Float]])] {
        let hidden = dimensions
        var vectors: [(vector: [Float], spans: [[Float]])] = []
        vectors.reserveCapacity(count)
        var part: [[Int32]] = []
        var partSpans: [[Range<Int>]] = []
        var partTokens = 0
        func encodePart() {
            let spanCount = partSpans.reduce(0) { $0 + $1.count }
            var spanPooled = [Float](repeating: 0, count: spanCount * hidden)
            let pooled = [Float](unsafeUninitializedCapacity: part.count * hidden) { buffer, initialized in
                spanPooled.withUnsafeMutableBufferPointer { spanBuffer in
                    model.embed(part, into: buffer.baseAddress.unsafelyUnwrapped, spans: spanCount > 0 ? partSpans : [],
                                spanOutput: spanBuffer.baseAddress)
                }
                initialized = part.count * hidden
            }
            var spanRow = 0
            for index in part.indices {
                let spans = partSpans[index].indices.map { offset in
                    Array(spanPooled[((spanRow + offset) * hidden)..<((spanRow + offset + 1) * hidden)])
                }
                spanRow += spans.count
                vectors.append((Array(pooled[(index * hidden)..<((index + 1) * hidden)]), spans))
            }
            part.removeAll(keepingCapacity: true)
            partSpans.removeAll(keepingCapacity: true)
            partTokens = 0
        }
        for index in 0..<count {
            let (ids, spans) = tokens(index)
            if !part.isEmpty, partTokens + ids.count > maximumBatchTokens {
                encodePart()
                try progress(index)
            }
            part.append(ids)
            partSpans.append(spans)
            partTokens += ids.count
        }
        if !part.isEmpty {
            encodePart()
            try progress(count)
        }
        return vectors
    }
}
