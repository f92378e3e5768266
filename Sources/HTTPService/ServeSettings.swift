import Service

/// Where `panelist serve` listens and what it lets in.
public struct ServeSettings: Sendable {
    /// The address to bind: loopback unless asked otherwise.
    public var host: String
    /// The port; 0 picks a free one (printed when the server is up).
    public var port: Int
    /// When set, `/v1/…` requests must carry `Authorization: Bearer <token>`.
    public var token: String?
    /// Seconds a connection may stay silent before it is closed.
    public var idleTimeoutSeconds: Int64

    /// The environment variable that holds the bearer token.
    public static let tokenVariable = "PANELIST_API_TOKEN"

    public init(host: String = "127.0.0.1", port: Int = 8377, token: String? = nil, idleTimeoutSeconds: Int64 = 60) {
        self.host = host
        self.port = port
        self.token = token
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// Whether `host` is reachable from this machine only.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Refuses settings that would expose the API without a token.
    ///
    /// - Throws: `ServiceError.invalidRequest` naming the fix.
    public func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ServiceError(.invalidRequest, "--port must be between 0 and 65535")
        }
        if !isLoopback && (token ?? "").isEmpty {
            throw ServiceError(.invalidRequest, "serving on \(host) would let anyone on the network in; set \(Self.tokenVariable) to a secret token first, or keep the default --host 127.0.0.1")
        }
    }
}
