/// Which encoder made a vector: vectors of different identities must not be compared or mixed.
///
/// A store records `identifier` with its vectors and refuses vectors of another; it changes with the
/// weights (their SHA-256) and with anything else that changes the vectors (the token limit).
///
/// ```swift
/// encoder.identity.identifier
/// // "all-MiniLM-L6-v2@sha256:53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db/max-tokens=256"
/// ```
public struct EncoderIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The model's name ("all-MiniLM-L6-v2").
    public let model: String
    /// The SHA-256 of the weights file, 64 lower-case hex digits.
    public let weightsSHA256: String
    /// The length of each vector.
    public let dimensions: Int
    /// The most tokens of a text that count, `[CLS]` and `[SEP]` included; the rest is cut.
    public let maximumTokens: Int

    public init(model: String, weightsSHA256: String, dimensions: Int, maximumTokens: Int) {
        self.model = model
        self.weightsSHA256 = weightsSHA256
        self.dimensions = dimensions
        self.maximumTokens = maximumTokens
    }

    /// The one string that names this encoder, for a store to record.
    public var identifier: String { "\(model)@sha256:\(weightsSHA256)/max-tokens=\(maximumTokens)" }

    /// A short form for messages: "all-MiniLM-L6-v2 (53aa5117)".
    public var description: String { "\(model) (\(weightsSHA256.prefix(8)))" }
}
