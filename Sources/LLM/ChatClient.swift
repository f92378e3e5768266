import Foundation

/// Asks an OpenAI-compatible server (OpenAI, llama.cpp, Ollama, vLLM, …) for chat completions.
///
/// Each call POSTs to `{base}/v1/chat/completions` over libcurl. In streaming mode the answer text
/// is handed to the caller piece by piece as it arrives. Connection failures, HTTP 429 and 5xx are
/// retried with exponential back-off (0.25 s, 0.5 s, 1 s, …), but only while no answer text has
/// been handed over and only within the timeouts: silence (connecting, backing off, waiting) never
/// adds up past the idle timeout across attempts, nor the whole request past the total timeout.
///
/// A key or a URL password is never sent over plain HTTP to another machine. Errors never contain
/// the API key or the password, whole or in part (`Redaction`), and the answer text is cleared of
/// the key too; a streamed piece is checked on its own.
public final class ChatClient: Sendable {
    /// The settings every request uses.
    public let settings: LLMSettings

    /// Creates a client.
    ///
    /// - Parameter settings: Where the server is and how to talk to it.
    public init(settings: LLMSettings) {
        self.settings = settings
    }

    /// Sends a conversation and returns the model's answer.
    ///
    /// Blocks until the answer is complete. In streaming mode `onText` receives each piece of answer
    /// text as the server sends it; otherwise it receives the whole text once. Reasoning text is
    /// never passed to `onText`; it is returned in `ChatReply.reasoning`. A stream that ends without
    /// `data: [DONE]` after delivering text is a normal end.
    ///
    /// - Parameters:
    ///   - messages: The conversation, oldest first.
    ///   - onText: Receives the answer text as it arrives, on the calling thread.
    ///   - isCancelled: Polled while waiting (at least about once a second) and between retries;
    ///     returning true aborts the request, so a Ctrl-C handler can stop a transfer.
    /// - Returns: The answer, its reasoning, the model name and the finish reason.
    /// - Throws: `LLMError`: `.configuration` for an unusable URL or key, `.unreachable`,
    ///   `.connectionLost`, `.timeout`, `.httpStatus` (with the server's message), `.serverError` for an
    ///   error reported inside a 200 response, `.badResponse` for a body that is not a chat
    ///   completion or holds no answer, `.cancelled`.
    public func complete(
        _ messages: [ChatMessage],
        onText: (String) -> Void = { _ in },
        isCancelled: @escaping () -> Bool = { false }
    ) throws(LLMError) -> ChatReply {
        let key = Redaction(secret: settings.apiKey)
        do {
            var reply = try completeWithRetries(
                messages, onText: { onText(key?.apply($0) ?? $0) }, isCancelled: isCancelled)
            if let key {
                reply.text = key.apply(reply.text)
                reply.reasoning = key.apply(reply.reasoning)
            }
            return reply
        } catch {
            let password = URLPassword.text(in: settings.baseURL)
            let secrets = [key, Redaction(secret: password), Redaction(secret: password?.removingPercentEncoding)]
            throw secrets.reduce(error) { $0.redacting($1) }
        }
    }

    private func completeWithRetries(
        _ messages: [ChatMessage],
        onText: (String) -> Void,
        isCancelled: @escaping () -> Bool
    ) throws(LLMError) -> ChatReply {
        var request = try makeRequest(messages)
        var delivered = false
        return try Retries(maximum: settings.maxRetries).run(&request, isCancelled: isCancelled, mayRetry: { !delivered }) {
            request throws(LLMError) in
            var reader = ChatResponseReader(streaming: settings.stream, host: request.host, maxTokens: settings.maxTokens)
            defer { delivered = reader.deliveredText }
            let status = try HTTPTransport.post(
                request,
                onBytes: { status, bytes throws(LLMError) in
                    request.silentSince = .now
                    return try reader.consume(status: status, bytes: bytes, onText: onText)
                },
                isCancelled: isCancelled)
            return try reader.finish(status: status, onText: onText)
        }
    }

    /// The HTTP request for a conversation.
    private func makeRequest(_ messages: [ChatMessage]) throws(LLMError) -> HTTPRequest {
        let endpoint = try ChatEndpoint(baseURL: settings.baseURL)
        try endpoint.requireCredentialsKeptPrivate(apiKey: settings.apiKey, keySource: nil)
        let body: Data
        do {
            body = try JSONEncoder().encode(ChatCompletionRequest(
                model: settings.model, messages: messages, maxTokens: settings.maxTokens,
                temperature: settings.temperature, stream: settings.stream))
        } catch {
            throw LLMError(.configuration, "cannot encode the chat request (temperature \(settings.temperature))",
                           underlying: error)
        }
        var headers = [
            "Content-Type: application/json",
            settings.stream ? "Accept: text/event-stream" : "Accept: application/json",
            "Expect:",
        ]
        if let key = settings.apiKey?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            guard !key.contains(where: \.isNewline) else {
                throw LLMError(.configuration, "the API key contains a line break")
            }
            headers.append("Authorization: Bearer \(key)")
        }
        return HTTPRequest(
            url: endpoint.url, headers: headers, body: Array(body), connectTimeout: settings.connectTimeout,
            idleTimeout: settings.idleTimeout, totalTimeout: settings.totalTimeout)
    }
}
