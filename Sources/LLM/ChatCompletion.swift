/// One message of a chat conversation.
///
/// `role` is `system`, `user` or `assistant`, as the OpenAI chat API defines them.
public struct ChatMessage: Codable, Equatable, Sendable {
    /// Who speaks: `system`, `user` or `assistant`.
    public var role: String
    /// What is said.
    public var content: String

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - role: `system`, `user` or `assistant`.
    ///   - content: The text of the message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }

    /// A system message.
    ///
    /// - Parameter content: The instructions.
    /// - Returns: A message with role `system`.
    public static func system(_ content: String) -> ChatMessage { ChatMessage(role: "system", content: content) }

    /// A user message.
    ///
    /// - Parameter content: The user's words.
    /// - Returns: A message with role `user`.
    public static func user(_ content: String) -> ChatMessage { ChatMessage(role: "user", content: content) }

    /// An assistant message.
    ///
    /// - Parameter content: The model's earlier answer.
    /// - Returns: A message with role `assistant`.
    public static func assistant(_ content: String) -> ChatMessage { ChatMessage(role: "assistant", content: content) }
}

/// The model's answer to a chat request.
public struct ChatReply: Equatable, Sendable {
    /// The answer text, without any reasoning.
    public var text: String
    /// The model's reasoning ("thinking") text, kept apart from the answer; empty when the model sent none.
    public var reasoning: String
    /// The model that answered, as the server names it.
    public var model: String?
    /// Why the model stopped: `stop`, `length`, … as the server reports it.
    public var finishReason: String?

    /// Creates a reply.
    ///
    /// - Parameters:
    ///   - text: The answer text.
    ///   - reasoning: The reasoning text.
    ///   - model: The model that answered.
    ///   - finishReason: Why the model stopped.
    public init(text: String, reasoning: String = "", model: String? = nil, finishReason: String? = nil) {
        self.text = text
        self.reasoning = reasoning
        self.model = model
        self.finishReason = finishReason
    }
}

/// The body of `POST /v1/chat/completions`.
struct ChatCompletionRequest: Encodable {
    var model: String
    var messages: [ChatMessage]
    var maxTokens: Int
    var temperature: Double
    var stream: Bool

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
    }
}

/// The text fields shared by a streamed delta and a complete message.
struct ChatCompletionText: Decodable {
    var content: String?
    var reasoningContent: String?
    var reasoning: String?

    enum CodingKeys: String, CodingKey {
        case content, reasoning
        case reasoningContent = "reasoning_content"
    }

    /// The reasoning text, whichever of the two field names the server used.
    var reasoningText: String? { reasoningContent ?? reasoning }
}

/// A non-streamed chat completion response.
struct ChatCompletionResponse: Decodable {
    struct Choice: Decodable {
        var message: ChatCompletionText?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    var model: String?
    var choices: [Choice]
}

/// One chunk of a streamed chat completion (the JSON in one `data:` event).
struct ChatCompletionChunk: Decodable {
    struct Choice: Decodable {
        var delta: ChatCompletionText?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case delta
            case finishReason = "finish_reason"
        }
    }

    var model: String?
    var choices: [Choice]?
}
