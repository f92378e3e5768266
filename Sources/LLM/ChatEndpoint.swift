import Foundation

/// The chat completions URL derived from a configured base URL.
///
/// Accepts the base with or without a trailing `/`, with or without a trailing `/v1`, and also the
/// full `…/chat/completions` URL; a query string is kept.
struct ChatEndpoint: Equatable {
    /// The full URL to POST to.
    let url: String

    /// Derives the endpoint.
    ///
    /// - Parameter baseURL: The configured base URL.
    /// - Throws: `LLMError` `.configuration` when the URL is empty or not an http(s) URL with a host.
    init(baseURL: String) throws(LLMError) {
        let trimmed = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw LLMError(.configuration,
                           "no LLM server URL configured: set PANELIST_LLM_URL or llm_url in the config file")
        }
        guard var components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else {
            throw LLMError(.configuration, "LLM server URL is not an http(s) URL with a host: \(trimmed)")
        }
        var path = components.path
        while path.hasSuffix("/") {
            path.removeLast()
        }
        if !path.hasSuffix("/chat/completions") {
            if !path.hasSuffix("/v1") {
                path += "/v1"
            }
            path += "/chat/completions"
        }
        components.path = path
        guard let url = components.string else {
            throw LLMError(.configuration, "LLM server URL cannot be extended to a chat endpoint: \(trimmed)")
        }
        self.url = url
    }
}
