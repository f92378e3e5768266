/// A request the service cannot answer, with a one-line message that says what to do.
///
/// The HTTP server turns it into a 4xx/5xx JSON error and the MCP server into a JSON-RPC error;
/// neither ever ends the process.
public struct ServiceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem this is.
    public struct Code: Equatable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidRequest = "invalid_request"
            case unauthorized
            case notFound = "not_found"
            case methodNotAllowed = "method_not_allowed"
            case timeout
            case tooLarge = "too_large"
            case busy
            case storeFailure = "store_failure"
            case internalFailure = "internal_error"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The request is malformed: bad JSON, a missing or wrong field, an unusable question.
        public static let invalidRequest = Code(.invalidRequest)
        /// The bearer token is missing or wrong.
        public static let unauthorized = Code(.unauthorized)
        /// No such route, passage, expert or model.
        public static let notFound = Code(.notFound)
        /// The route exists but not with this HTTP method.
        public static let methodNotAllowed = Code(.methodNotAllowed)
        /// The client did not send its request in time.
        public static let timeout = Code(.timeout)
        /// The body is over the size limit.
        public static let tooLarge = Code(.tooLarge)
        /// Too many requests are in progress; retry later.
        public static let busy = Code(.busy)
        /// The store could not be read (details are logged, not sent).
        public static let storeFailure = Code(.storeFailure)
        /// Anything else that went wrong in the server (details are logged, not sent).
        public static let internalFailure = Code(.internalFailure)

        /// The code as it appears in JSON errors (`"invalid_request"`, …).
        public var description: String { kind.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
