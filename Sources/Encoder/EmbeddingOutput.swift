/// One text's vector as `panelist embed` prints it: a line of numbers, or a JSON object
/// (docs/JSON.md, `embed`).
///
/// Components are written in full: the shortest decimal that reads back as the same 32-bit float.
public struct EmbeddingOutput: Encodable, Sendable {
    public var text: String
    /// The model's name ("all-MiniLM-L6-v2").
    public var model: String
    /// The encoder's identifier (model, weights hash, token limit), as a store records it.
    public var encoder: String
    public var dimensions: Int
    /// The text's tokens, `[CLS]` and `[SEP]` included.
    public var tokens: Int
    /// Whether the text was cut at the token limit.
    public var truncated: Bool
    public var embedding: [Float]

    public init(text: String, tokens: WordPieceTokenizer.Tokens, embedding: [Float], identity: EncoderIdentity) {
        self.text = text
        model = identity.model
        encoder = identity.identifier
        dimensions = embedding.count
        self.tokens = tokens.ids.count
        truncated = tokens.truncated
        self.embedding = embedding
    }

    /// The components separated by spaces, for the text mode.
    public var line: String {
        embedding.map { $0.description }.joined(separator: " ")
    }

    /// Embeds `texts` with `encoder`, in order.
    public static func make(_ texts: [String], encoder: SentenceEncoder) -> [EmbeddingOutput] {
        let tokens = texts.map(encoder.tokenizer.tokenize)
        let vectors = encoder.embed(tokenIDs: tokens.map(\.ids))
        return zip(texts, zip(tokens, vectors)).map {
            EmbeddingOutput(text: $0.0, tokens: $0.1.0, embedding: $0.1.1, identity: encoder.identity)
        }
    }
}
