import Service

/// The body of `POST /v1/chat/completions`, as OpenAI's API defines it; Panelist reads `model`,
/// `messages` and `stream` and ignores the sampling options, which an extractive answer has no use for.
struct ChatCompletionRequest: Decodable {
    var model: String
    var messages: [Message]
    var stream: Bool?

    struct Message: Decodable {
        var role: Role
        var content: Content?
    }

    enum Role: String, Decodable {
        case system, developer, user, assistant, tool, function
    }

    /// A message's content: a string, or an array of parts of which the text ones are read.
    enum Content: Decodable {
        case text(String)
        case parts([Part])

        struct Part: Decodable {
            var type: String
            var text: String?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .text(text)
            } else {
                self = .parts(try container.decode([Part].self))
            }
        }

        var text: String {
            switch self {
            case .text(let text): text
            case .parts(let parts): parts.compactMap(\.text).joined(separator: "\n")
            }
        }
    }

    static let example = #"{"model": "panelist", "messages": [{"role": "user", "content": "What do the experts say about sanctions?"}]}"#

    /// The user's questions, oldest first; the last is the one to answer.
    ///
    /// - Throws: `ServiceError.invalidRequest` when the conversation does not end with a user message.
    func questions() throws -> [String] {
        guard messages.last?.role == .user else {
            throw ServiceError(.invalidRequest, "the last message must be the user's question; send for example \(Self.example)")
        }
        return messages.filter { $0.role == .user }.map { $0.content?.text ?? "" }
    }
}
