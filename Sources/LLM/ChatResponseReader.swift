import Foundation

/// Turns the bytes of one chat completion response into a `ChatReply`, passing answer text on as it arrives.
///
/// Handles both response kinds: a server-sent event stream of `chat.completion.chunk` objects
/// ended by `data: [DONE]` (or simply by the end of the body), and a single JSON completion, which
/// is also accepted when a stream was asked for but the server ignored that. Reasoning text
/// (`reasoning_content` or `reasoning`) is collected apart and never passed on as answer text.
///
/// A response is read up to `sizeLimit(maxTokens:)` bytes, events and all: a server that streams
/// without end is cut off there, so memory and output stay bounded whatever it sends.
struct ChatResponseReader {
    /// The least size limit of a response: 8 MB.
    static let minimumSizeLimit = 8 * 1024 * 1024
    /// Bytes of response allowed per token of `max_tokens`, well above what a streamed token takes
    /// (about 150 bytes of event around it).
    static let bytesPerToken = 256

    /// The most bytes read of one response: 8 MB, or 256 bytes per token of `maxTokens` when that is more.
    static func sizeLimit(maxTokens: Int) -> Int {
        max(minimumSizeLimit, maxTokens.multipliedReportingOverflow(by: bytesPerToken).partialValue)
    }

    private let streaming: Bool
    private let host: String
    private let maxTokens: Int
    private let sizeLimit: Int
    private var received = 0
    private var parser = ServerSentEventParser()
    private var sawEvent = false
    private var sawDone = false
    private var body: [UInt8] = []
    private var text = ""
    private var reasoning = ""
    private var model: String?
    private var finishReason: String?

    /// Whether any answer text has been passed on; a request is not retried after that.
    private(set) var deliveredText = false

    /// Creates a reader for one response.
    ///
    /// - Parameters:
    ///   - streaming: Whether a stream was asked for.
    ///   - host: `host:port` of the server, for error messages.
    ///   - maxTokens: The token limit sent, for the message when it was all spent on reasoning.
    init(streaming: Bool, host: String, maxTokens: Int) {
        self.streaming = streaming
        self.host = host
        self.maxTokens = maxTokens
        sizeLimit = Self.sizeLimit(maxTokens: maxTokens)
    }

    /// Reads the next piece of the body.
    ///
    /// - Parameters:
    ///   - status: The HTTP status of the response.
    ///   - bytes: The bytes that arrived.
    ///   - onText: Receives each piece of answer text.
    /// - Returns: False once the stream has ended with `[DONE]` and nothing more is needed.
    /// - Throws: `LLMError` `.serverError` for an error event, `.badResponse` for data that is not a
    ///   chat completion chunk or a response over `sizeLimit(maxTokens:)`.
    mutating func consume(status: Int, bytes: UnsafeRawBufferPointer, onText: (String) -> Void) throws(LLMError) -> Bool {
        received += bytes.count
        guard received <= sizeLimit else {
            throw LLMError(.badResponse,
                           "LLM server at \(host) sent more than \(sizeLimit / (1024 * 1024)) MB without ending its response; "
                               + "stopped reading it (is the server ignoring max_tokens?)")
        }
        guard streaming, (200..<300).contains(status) else {
            keep(bytes)
            return true
        }
        if !sawEvent {
            keep(bytes)
        }
        for event in parser.feed(bytes) {
            try handle(event, onText: onText)
        }
        return !sawDone
    }

    /// Ends the response and builds the reply.
    ///
    /// - Parameters:
    ///   - status: The HTTP status of the response.
    ///   - onText: Receives any answer text not passed on yet.
    /// - Returns: The reply.
    /// - Throws: `LLMError` `.httpStatus` for a status other than 2xx, `.serverError` for an error in
    ///   the body, `.badResponse` for a body that is not a chat completion or holds no answer text.
    mutating func finish(status: Int, onText: (String) -> Void) throws(LLMError) -> ChatReply {
        guard (200..<300).contains(status) else {
            let detail = ErrorBody.message(from: body).map { ": \($0)" } ?? " with an empty body"
            throw LLMError(.httpStatus, "LLM server at \(host) returned HTTP \(status)\(detail)", httpStatus: status)
        }
        if streaming {
            for event in parser.finish() {
                try handle(event, onText: onText)
            }
        }
        if !streaming || !sawEvent {
            guard !body.isEmpty else {
                throw LLMError(.badResponse, "LLM server at \(host) sent an empty response")
            }
            try readCompletion(onText: onText)
        }
        guard !text.isEmpty else {
            throw LLMError(.badResponse, missingAnswerMessage())
        }
        return ChatReply(text: text, reasoning: reasoning, model: model, finishReason: finishReason)
    }

    private mutating func keep(_ bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    private mutating func handle(_ event: ServerSentEvent, onText: (String) -> Void) throws(LLMError) {
        if !sawEvent {
            sawEvent = true
            body = []
        }
        guard !sawDone else { return }
        if let error = event.error {
            throw serverError(ErrorBody.message(from: error) ?? "an empty error event")
        }
        if event.event == "error" {
            throw serverError(ErrorBody.message(from: event.data) ?? "an empty error event")
        }
        let data = event.data.trimmingCharacters(in: .whitespaces)
        if data == "[DONE]" {
            sawDone = true
            return
        }
        let bytes = Data(data.utf8)
        guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            throw LLMError(.badResponse,
                           "LLM server at \(host) sent a stream event that is not JSON: \(Self.excerpt(data))")
        }
        if let error = object["error"], !(error is NSNull) {
            throw serverError(ErrorBody.message(from: data) ?? "an error without a message")
        }
        let chunk: ChatCompletionChunk
        do {
            chunk = try JSONDecoder().decode(ChatCompletionChunk.self, from: bytes)
        } catch {
            throw LLMError(.badResponse,
                           "LLM server at \(host) sent a stream event that is not a chat completion chunk: "
                               + Self.excerpt(data),
                           underlying: error)
        }
        model = chunk.model ?? model
        guard let choice = chunk.choices?.first else { return }
        if let reason = choice.finishReason {
            finishReason = reason
        }
        if let piece = choice.delta?.reasoningText {
            reasoning += piece
        }
        if let piece = choice.delta?.content, !piece.isEmpty {
            text += piece
            deliveredText = true
            onText(piece)
        }
    }

    /// Reads the kept body as one JSON chat completion.
    private mutating func readCompletion(onText: (String) -> Void) throws(LLMError) {
        let data = Data(body)
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            let start = ErrorBody.message(from: body).map { ": \($0)" } ?? " with an empty body"
            let kind = streaming ? "neither an event stream nor JSON" : "not JSON"
            throw LLMError(.badResponse, "LLM server at \(host) answered with \(kind)\(start)")
        }
        if let error = object["error"], !(error is NSNull) {
            throw serverError(ErrorBody.message(from: body) ?? "an error without a message")
        }
        let response: ChatCompletionResponse
        do {
            response = try JSONDecoder().decode(ChatCompletionResponse.self, from: data)
        } catch {
            throw LLMError(.badResponse,
                           "LLM server at \(host) answered with JSON that is not a chat completion: "
                               + Self.excerpt(String(decoding: body, as: UTF8.self)),
                           underlying: error)
        }
        model = response.model ?? model
        guard let choice = response.choices.first else { return }
        finishReason = choice.finishReason
        reasoning += choice.message?.reasoningText ?? ""
        if let content = choice.message?.content, !content.isEmpty {
            text += content
            deliveredText = true
            onText(content)
        }
    }

    private func missingAnswerMessage() -> String {
        if !reasoning.isEmpty && finishReason == "length" {
            return "LLM at \(host) spent all \(maxTokens) tokens on reasoning and gave no answer; raise max_tokens"
        }
        return "LLM server at \(host) returned no answer text"
    }

    private func serverError(_ message: String) -> LLMError {
        LLMError(.serverError, "LLM server at \(host) reported an error: \(message)")
    }

    /// The first 80 characters of some data, on one line, for error messages.
    private static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 80 ? "\(line.prefix(80))…" : line
    }
}
