/// The sentence encoder, or why there is none: what a command that can fall back to lexical matching
/// asks for.
///
/// ```swift
/// switch EncoderAvailability.load(ModelFiles.locate()) {
/// case .available(let encoder): hybrid(encoder)
/// case .unavailable(let error): print(EncoderAvailability.notice(for: error)); lexicalOnly()
/// }
/// ```
public enum EncoderAvailability: Sendable {
    case available(SentenceEncoder)
    case unavailable(EncoderError)

    /// Loads the encoder from `files`; never throws.
    public static func load(_ files: ModelFiles, maximumBatchTokens: Int = 2048, singleThreaded: Bool = false) -> EncoderAvailability {
        do {
            return .available(try SentenceEncoder(files: files, maximumBatchTokens: maximumBatchTokens, singleThreaded: singleThreaded))
        } catch {
            return .unavailable(error)
        }
    }

    /// The encoder, when there is one.
    public var encoder: SentenceEncoder? {
        if case .available(let encoder) = self { return encoder }
        return nil
    }

    /// One line for a command that goes on without the encoder, or `nil` when it is available.
    public var notice: String? {
        if case .unavailable(let error) = self { return Self.notice(for: error) }
        return nil
    }

    /// "Matching by meaning is off: <the error's message>".
    public static func notice(for error: EncoderError) -> String {
        "Matching by meaning is off: \(error.message)"
    }
}
