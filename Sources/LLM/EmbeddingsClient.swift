import Encoder
import Foundation

/// An OpenAI-compatible `/v1/embeddings` endpoint as a `TextEmbedder`: for corpora too big for the
/// built-in encoder on this machine (`panelist index --embeddings URL`), and for questions to a store
/// whose vectors it made.
///
/// Texts go `batchSize` at a time; a failed request is retried like a chat request (`Retries`); the
/// key is sent only as a bearer token to the configured endpoint, only over https or to this machine,
/// and removed from every error message. Vectors are normalised to unit length, so a dot product is a
/// cosine whatever the server returns.
public final class EmbeddingsClient: TextEmbedder {
    /// Where the server is, its model, the key and the timeouts (`LLMSettings`; `stream` is unused).
    public let settings: LLMSettings
    public let dimensions: Int
    /// How many texts one request carries.
    public let batchSize: Int

    /// The most bytes read of one response: 64 texts of 4,096 dimensions written out are ~6 MB.
    static let responseLimit = 64 * 1024 * 1024

    /// What a store records for these vectors: the model and the endpoint without credentials or query.
    public var identifier: String { Self.identifier(model: settings.model, baseURL: settings.baseURL) }

    /// Connects: sends one short text to learn the vectors' length and to fail early on a wrong URL,
    /// model or key.
    ///
    /// - Throws: `LLMError` as a chat request does, `.badResponse` for a body that is not embeddings.
    public init(settings: LLMSettings, batchSize: Int = 64) throws(LLMError) {
        let probe = try Self.request(["dimensions"], settings: settings)
        guard let length = probe.first?.count, length > 0 else {
            throw LLMError(.badResponse, "the embeddings server at \(Self.shown(settings.baseURL)) returned an empty vector")
        }
        self.settings = settings
        self.batchSize = batchSize
        dimensions = length
    }

    /// The identifier of vectors made by `model` at `baseURL`.
    public static func identifier(model: String, baseURL: String) -> String {
        "\(prefix)\(model)@\(shown(baseURL))"
    }

    /// How a store's identifier names an endpoint's vectors.
    public static let prefix = "embeddings:"

    /// The model and base URL an identifier of `identifier(model:baseURL:)` names, or nil for another encoder.
    public static func endpoint(of identifier: String) -> (model: String, baseURL: String)? {
        guard identifier.hasPrefix(prefix), let at = identifier.lastIndex(of: "@") else { return nil }
        let model = identifier[identifier.index(identifier.startIndex, offsetBy: prefix.count)..<at]
        return (String(model), String(identifier[identifier.index(after: at)...]))
    }

    /// The environment variable that holds the embeddings server's key (never printed or stored).
    public static let keyVariable = "PANELIST_EMBEDDINGS_API_KEY"

    /// The client for vectors a store recorded as `identifier`, with the key from `environment`; nil
    /// when the identifier names another encoder, an error when the endpoint cannot be reached.
    public static func forStore(identifier: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<EmbeddingsClient, LLMError>? {
        guard let endpoint = endpoint(of: identifier) else { return nil }
        let key = environment[keyVariable].flatMap { $0.isEmpty ? nil : $0 }
        do {
            return .success(try EmbeddingsClient(settings: LLMSettings(baseURL: endpoint.baseURL, model: endpoint.model, apiKey: key)))
        } catch {
            return .failure(error)
        }
    }

    /// `scheme://host[:port]/path` of `url`: no user, password or query, which may hold secrets.
    static func shown(_ url: String) -> String {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines)) else { return URLPassword.masking(url) }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        var text = components.string ?? URLPassword.masking(url)
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    public func embed(_ texts: [String], progress: (Int) throws -> Void) throws -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for start in stride(from: 0, to: texts.count, by: batchSize) {
            let batch = Array(texts[start..<min(start + batchSize, texts.count)])
            let embedded = try Self.request(batch, settings: settings)
            guard embedded.allSatisfy({ $0.count == dimensions }) else {
                throw LLMError(.badResponse, "the embeddings server at \(Self.shown(settings.baseURL)) returned vectors of another length than \(dimensions)")
            }
            vectors += embedded
            try progress(vectors.count)
        }
        return vectors
    }

    /// One request for `texts`, retried, with secrets removed from any error.
    private static func request(_ texts: [String], settings: LLMSettings) throws(LLMError) -> [[Float]] {
        let key = Redaction(secret: settings.apiKey)
        do {
            var request = try makeRequest(texts, settings: settings)
            return try Retries(maximum: settings.maxRetries).run(&request, isCancelled: { false }) { request throws(LLMError) in
                var body: [UInt8] = []
                let status = try HTTPTransport.post(
                    request,
                    onBytes: { _, bytes throws(LLMError) in
                        request.silentSince = .now
                        guard body.count + bytes.count <= Self.responseLimit else {
                            throw LLMError(.badResponse, "the embeddings server at \(request.host) sent more than \(Self.responseLimit >> 20) MB")
                        }
                        body.append(contentsOf: bytes)
                        return true
                    },
                    isCancelled: { false })
                return try Self.vectors(in: body, status: status, count: texts.count, host: request.host)
            }
        } catch {
            let password = URLPassword.text(in: settings.baseURL)
            let secrets = [key, Redaction(secret: password), Redaction(secret: password?.removingPercentEncoding)]
            throw secrets.reduce(error) { $0.redacting($1) }
        }
    }

    private static func makeRequest(_ texts: [String], settings: LLMSettings) throws(LLMError) -> HTTPRequest {
        let endpoint = try ChatEndpoint(baseURL: settings.baseURL, operation: .embeddings)
        try endpoint.requireCredentialsKeptPrivate(apiKey: settings.apiKey, keySource: nil)
        let body: Data
        do {
            body = try JSONEncoder().encode(EmbeddingsRequest(model: settings.model, input: texts))
        } catch {
            throw LLMError(.configuration, "cannot encode the embeddings request", underlying: error)
        }
        var headers = ["Content-Type: application/json", "Accept: application/json", "Expect:"]
        if let key = settings.apiKey?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            guard !key.contains(where: \.isNewline) else { throw LLMError(.configuration, "the API key contains a line break") }
            headers.append("Authorization: Bearer \(key)")
        }
        return HTTPRequest(url: endpoint.url, headers: headers, body: Array(body), connectTimeout: settings.connectTimeout,
                           idleTimeout: settings.idleTimeout, totalTimeout: settings.totalTimeout)
    }

    /// The unit vectors of a response, in the order of the texts (the `index` of each item).
    static func vectors(in body: [UInt8], status: Int, count: Int, host: String) throws(LLMError) -> [[Float]] {
        guard (200..<300).contains(status) else {
            let detail = ErrorBody.message(from: body).map { ": \($0)" } ?? " with an empty body"
            throw LLMError(.httpStatus, "the embeddings server at \(host) returned HTTP \(status)\(detail)", httpStatus: status)
        }
        let response: EmbeddingsResponse
        do {
            response = try JSONDecoder().decode(EmbeddingsResponse.self, from: Data(body))
        } catch {
            throw LLMError(.badResponse, "the embeddings server at \(host) sent a body that is not an embeddings response", underlying: error)
        }
        let items = response.data.sorted { $0.index < $1.index }
        guard items.map(\.index) == Array(0..<count) else {
            throw LLMError(.badResponse, "the embeddings server at \(host) returned \(items.count) vectors for \(count) texts")
        }
        return items.map { item in
            let norm = item.embedding.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
            return norm > 0 ? item.embedding.map { $0 / norm } : item.embedding
        }
    }
}

/// The body of an embeddings request: `{"model", "input": [texts]}`.
struct EmbeddingsRequest: Encodable {
    var model: String
    var input: [String]
}

/// The part of an embeddings response Panelist reads: `{"data": [{"index", "embedding"}]}`.
struct EmbeddingsResponse: Decodable {
    struct Item: Decodable {
        var index: Int
        var embedding: [Float]
    }
    var data: [Item]
}
