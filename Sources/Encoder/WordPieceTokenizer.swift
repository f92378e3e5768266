/// BERT's uncased WordPiece tokenizer, giving the token ids all-MiniLM-L6-v2 was trained on.
///
/// The steps, as in Hugging Face `tokenizers` (the tokenizer sentence-transformers runs):
/// 1. the special tokens (`[CLS]`, `[SEP]`, `[MASK]`, `[PAD]`, `[UNK]`) are found in the raw text and
///    kept whole;
/// 2. the rest is normalised (`BertNormalizer`: control characters dropped, CJK ideographs spaced,
///    accents stripped, lower-cased) and split into words (`BertPreTokenizer`: white space, punctuation);
/// 3. each word becomes the longest vocabulary pieces from its start, later pieces with the `##` prefix
///    ("tokenizer" → "token", "##izer"); a word of more than 100 characters, or one that cannot be
///    covered, becomes `[UNK]`;
/// 4. the pieces are cut to `maximumLength - 2` and framed by `[CLS]` … `[SEP]`.
///
/// ```swift
/// let tokenizer = WordPieceTokenizer(vocabulary: vocabulary)
/// tokenizer.encode("Hello, world!")  // [101, 7592, 1010, 2088, 999, 102]
/// ```
public struct WordPieceTokenizer: Sendable {
    public let vocabulary: Vocabulary
    /// The most tokens a sequence may have, `[CLS]` and `[SEP]` included (sentence-transformers'
    /// `max_seq_length` for all-MiniLM-L6-v2: 256).
    public let maximumLength: Int
    /// Longer words become `[UNK]` without being split.
    public let maximumCharactersPerWord = 100

    private let normalizer = BertNormalizer()
    private let preTokenizer = BertPreTokenizer()
    private let specialTokens: [(text: [Unicode.Scalar], id: Int32)]

    public init(vocabulary: Vocabulary, maximumLength: Int = 256) {
        precondition(maximumLength >= 2, "a sequence needs room for [CLS] and [SEP]")
        self.vocabulary = vocabulary
        self.maximumLength = maximumLength
        specialTokens = vocabulary.specialTokens
    }

    /// A text's token ids, and whether pieces were cut to fit.
    public struct Tokens: Equatable, Sendable {
        /// `[CLS]`, the pieces, `[SEP]`.
        public var ids: [Int32]
        /// Whether the text had more than `maximumLength - 2` pieces; the rest were dropped.
        public var truncated: Bool
    }

    /// The token ids of `text`: `[CLS]`, its pieces (at most `maximumLength - 2`), `[SEP]`.
    ///
    /// - Complexity: O(n · w) for n characters and words of at most w characters; a long text is
    ///   read only as far as its pieces fit.
    public func encode(_ text: String) -> [Int32] {
        tokenize(text).ids
    }

    /// The token ids of `text` and whether it was cut (see `encode(_:)`).
    public func tokenize(_ text: String) -> Tokens {
        var pieces = Pieces(first: vocabulary.classification, capacity: maximumLength - 1)
        let scalars = Array(text.unicodeScalars)
        var segmentStart = 0
        var index = 0
        while index < scalars.count, !pieces.truncated {
            if scalars[index] == "[", let special = special(at: index, in: scalars) {
                appendPieces(of: scalars[segmentStart..<index], to: &pieces)
                pieces.append(special.id)
                index += special.length
                segmentStart = index
            } else {
                index += 1
            }
        }
        appendPieces(of: scalars[segmentStart..<scalars.count], to: &pieces)
        return Tokens(ids: pieces.ids + [vocabulary.separator], truncated: pieces.truncated)
    }

    /// `[CLS]` and the pieces so far, up to `capacity` ids; a piece beyond them marks the text truncated.
    private struct Pieces {
        private(set) var ids: [Int32]
        let capacity: Int
        private(set) var truncated = false

        init(first: Int32, capacity: Int) {
            ids = [first]
            ids.reserveCapacity(Swift.min(capacity, 64) + 1)
            self.capacity = capacity
        }

        mutating func append(_ id: Int32) {
            if ids.count < capacity { ids.append(id) } else { truncated = true }
        }
    }

    /// The special token written at `index`, if any, and its length in scalars.
    private func special(at index: Int, in scalars: [Unicode.Scalar]) -> (id: Int32, length: Int)? {
        for special in specialTokens where index + special.text.count <= scalars.count {
            if scalars[index..<(index + special.text.count)].elementsEqual(special.text) {
                return (special.id, special.text.count)
            }
        }
        return nil
    }

    /// Normalises `segment`, splits it into words and appends their pieces until one does not fit.
    private func appendPieces(of segment: ArraySlice<Unicode.Scalar>, to pieces: inout Pieces) {
        guard !segment.isEmpty, !pieces.truncated else { return }
        let normalized = normalizer.normalize(segment)
        for word in preTokenizer.words(normalized) {
            guard !pieces.truncated else { return }
            appendWordPieces(of: normalized[word], to: &pieces)
        }
    }

    /// Greedy longest-match-first WordPiece of one word; the whole word is `[UNK]` when it is too long
    /// or some part of it matches no piece.
    private func appendWordPieces(of word: ArraySlice<Unicode.Scalar>, to pieces: inout Pieces) {
        guard word.count <= maximumCharactersPerWord else {
            pieces.append(vocabulary.unknown)
            return
        }
        var utf8: [UInt8] = []
        var boundaries: [Int] = [0]
        for scalar in word {
            UTF8.encode(scalar) { utf8.append($0) }
            boundaries.append(utf8.count)
        }
        var found: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var match: Int32?
            while start < end {
                let candidate = utf8[boundaries[start]..<boundaries[end]]
                if let id = vocabulary.id(prefix: start > 0 ? Self.continuation : [], utf8: candidate) {
                    match = id
                    break
                }
                end -= 1
            }
            guard let id = match else {
                pieces.append(vocabulary.unknown)
                return
            }
            found.append(id)
            start = end
        }
        for id in found { pieces.append(id) }
    }

    /// The prefix of pieces that continue a word.
    private static let continuation = Array("##".utf8)
}
