/// The JSON object `chat --json` writes for an input line that fails (docs/JSON.md), so that a
/// script reading the output gets one object for every question it sent.
///
/// `{"error": "…", "line": 3, "question": "…"}`; `question` is `null` for a line too long to read.
public struct ChatErrorOutput: Encodable, Sendable {
    /// The one-line message, as also written to standard error.
    public var error: String
    /// The number of the input line, from 1 (for a question continued over lines, its last line).
    public var line: Int
    /// The line as given, or `nil` when it was skipped unread.
    public var question: String?

    enum CodingKeys: String, CodingKey {
        case error, line, question
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(error, forKey: .error)
        try container.encode(line, forKey: .line)
        try container.encode(question, forKey: .question)
    }
}
