/// Everything the chat client needs to reach a model: where, which, how, and how long to wait.
///
/// Usually resolved by `LLMConfiguration` from flags, environment and the config file. The
/// descriptions mask the API key and a password in the URL, so a settings value can be printed or
/// logged safely.
public struct LLMSettings: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The server's base URL, e.g. `http://127.0.0.1:8080`; a trailing `/` or `/v1` is allowed.
    /// Empty when no server is configured.
    public var baseURL: String
    /// The model name sent with each request.
    public var model: String
    /// The API key sent as `Authorization: Bearer …`, or `nil` to send no such header.
    public var apiKey: String?
    /// The most tokens the model may generate for one answer.
    public var maxTokens: Int
    /// The sampling temperature.
    public var temperature: Double
    /// Whether to ask for a streamed (server-sent events) response.
    public var stream: Bool
    /// Seconds allowed to establish the connection.
    public var connectTimeout: Double
    /// Seconds the server may stay silent, including before its first byte; 0 for no limit.
    ///
    /// A non-streamed response arrives only when the whole answer is ready, so it must be ready
    /// within this time.
    public var idleTimeout: Double
    /// Seconds allowed for the whole request; 0 for no limit.
    public var totalTimeout: Double
    /// How many times a request is retried after a connection failure, HTTP 429 or 5xx.
    public var maxRetries: Int

    /// The model name used when none is configured; servers that host one model (llama.cpp) ignore it.
    public static let defaultModel = "default"
    /// The answer length used when none is configured.
    public static let defaultMaxTokens = 512
    /// The temperature used when none is configured: low, for answers that stay close to the passages.
    public static let defaultTemperature = 0.2
    /// The idle timeout, in seconds, used when none is configured.
    public static let defaultTimeout = 60.0

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - baseURL: The server's base URL.
    ///   - model: The model name.
    ///   - apiKey: The API key, or `nil` for none.
    ///   - maxTokens: The most tokens per answer.
    ///   - temperature: The sampling temperature.
    ///   - stream: Whether to stream the response.
    ///   - connectTimeout: Seconds allowed to connect.
    ///   - idleTimeout: Seconds the server may stay silent.
    ///   - totalTimeout: Seconds allowed for the whole request.
    ///   - maxRetries: Retries after a connection failure, HTTP 429 or 5xx.
    public init(
        baseURL: String,
        model: String = LLMSettings.defaultModel,
        apiKey: String? = nil,
        maxTokens: Int = LLMSettings.defaultMaxTokens,
        temperature: Double = LLMSettings.defaultTemperature,
        stream: Bool = true,
        connectTimeout: Double = 10,
        idleTimeout: Double = LLMSettings.defaultTimeout,
        totalTimeout: Double = 10 * LLMSettings.defaultTimeout,
        maxRetries: Int = 2
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stream = stream
        self.connectTimeout = connectTimeout
        self.idleTimeout = idleTimeout
        self.totalTimeout = totalTimeout
        self.maxRetries = maxRetries
    }

    /// A masked form of an API key for display: `sk-…abcd` shows at most the last four characters,
    /// and only for keys of 12 characters or more; shorter keys show as `(set)`.
    ///
    /// - Parameter key: The key, or `nil`.
    /// - Returns: The masked key, or `(not set)` for a missing or empty key.
    public static func maskedKey(_ key: String?) -> String {
        guard let key, !key.isEmpty else { return "(not set)" }
        guard key.count >= 12 else { return "(set)" }
        let prefix = key.hasPrefix("sk-") ? "sk-" : ""
        return "\(prefix)…\(key.suffix(4))"
    }

    public var description: String {
        let url = baseURL.isEmpty ? "(not set)" : URLPassword.masking(baseURL)
        return "LLMSettings(baseURL: \(url), model: \(model), apiKey: \(Self.maskedKey(apiKey)), "
            + "maxTokens: \(maxTokens), temperature: \(temperature), stream: \(stream), "
            + "connectTimeout: \(connectTimeout), idleTimeout: \(idleTimeout), totalTimeout: \(totalTimeout), "
            + "maxRetries: \(maxRetries))"
    }

    public var debugDescription: String { description }
}
