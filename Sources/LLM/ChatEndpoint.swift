import Foundation

/// The chat completions (or embeddings) URL derived from a configured base URL.
///
/// Accepts the base with or without a trailing `/`, with or without a trailing `/v1`, and also the
/// full `…/chat/completions` (`…/embeddings`) URL; a query string is kept. Error messages show a
/// password in the URL as `***`.
struct ChatEndpoint: Equatable {
    /// What the server is asked to do: the last part of the path.
    enum Operation: String {
        case chatCompletions = "/chat/completions"
        case embeddings = "/embeddings"
    }

    /// The full URL to POST to.
    let url: String
    /// `host:port` (or `host`), for messages.
    let hostAndPort: String
    /// Whether what is sent is encrypted (https) or stays on this machine (a loopback address), so
    /// that a key or password may be sent.
    let keepsCredentialsPrivate: Bool
    /// Whether the URL carries a password (`http://user:secret@host`).
    let hasPassword: Bool

    /// Derives the endpoint.
    ///
    /// - Parameters:
    ///   - baseURL: The configured base URL.
    ///   - operation: Which endpoint of the server.
    /// - Throws: `LLMError` `.configuration` when the URL is empty or not an http(s) URL with a host.
    init(baseURL: String, operation: Operation = .chatCompletions) throws(LLMError) {
        let trimmed = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw LLMError(.configuration,
                           "no LLM server URL configured: set PANELIST_LLM_URL or llm_url in the config file")
        }
        guard var components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else {
            throw LLMError(.configuration, "LLM server URL is not an http(s) URL with a host: \(URLPassword.masking(trimmed))")
        }
        var path = components.path
        while path.hasSuffix("/") {
            path.removeLast()
        }
        if !path.hasSuffix(operation.rawValue) {
            if !path.hasSuffix("/v1") {
                path += "/v1"
            }
            path += operation.rawValue
        }
        components.path = path
        guard let url = components.string else {
            throw LLMError(.configuration, "LLM server URL cannot be extended to a chat endpoint: \(URLPassword.masking(trimmed))")
        }
        self.url = url
        hostAndPort = components.port.map { "\(host):\($0)" } ?? host
        keepsCredentialsPrivate = scheme == "https" || Self.isLoopback(host)
        hasPassword = URLPassword(in: trimmed) != nil
    }

    /// Refuses to send a key or a password in clear text to another machine.
    ///
    /// - Parameters:
    ///   - apiKey: The API key that would be sent, if any.
    ///   - keySource: Where the key came from, for the advice; `nil` when not known.
    /// - Throws: `LLMError` `.configuration` when the URL is plain `http://` to a host that is not
    ///   this machine and a key or a password in the URL would be sent.
    func requireCredentialsKeptPrivate(apiKey: String?, keySource: LLMConfiguration.Source?) throws(LLMError) {
        guard !keepsCredentialsPrivate else { return }
        let advice = "use an https:// URL, or a server on this machine (localhost, 127.0.0.1, ::1)"
        if let apiKey, !apiKey.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let (origin, remedy) = switch keySource {
            case .environment(let name)?: (" (from \(name))", ", or unset \(name) if the server needs no key")
            case .file?: (" (from the config file)", ", or remove api_key from the config file if the server needs no key")
            default: ("", "")
            }
            throw LLMError(.configuration,
                           "refusing to send the API key\(origin) over plain HTTP to \(hostAndPort): \(advice)\(remedy)")
        }
        if hasPassword {
            throw LLMError(.configuration,
                           "refusing to send the password in the LLM server URL over plain HTTP to \(hostAndPort): \(advice)")
        }
    }

    /// Whether `host` names this machine: `localhost`, 127.0.0.0/8, `::1` or an IPv4-mapped 127.x address.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if name.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        return bytes == Array(repeating: 0, count: 15) + [1] || (bytes.starts(with: mappedPrefix) && bytes[12] == 127)
    }
}
