import Foundation

/// A failure to get an answer from the language model, or to set up the request for one.
///
/// The message is one line that names the cause: the host, the HTTP status, the server's own
/// message, the file or setting at fault. It never contains the API key.
public struct LLMError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    /// What kind of failure this is.
    ///
    /// A struct over a private enum, so that kinds can be added without breaking callers that switch
    /// over the ones they know (compare with `==`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case unreachable, connectionLost, timeout, httpStatus, serverError, badResponse, cancelled,
                 configuration, template
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The server could not be reached: host unknown, connection refused, or connecting timed out.
        public static let unreachable = Code(.unreachable)
        /// The connection closed before the response was complete.
        public static let connectionLost = Code(.connectionLost)
        /// The server went silent for longer than the idle timeout, or the total timeout ran out.
        public static let timeout = Code(.timeout)
        /// The server answered with an HTTP status other than 2xx.
        public static let httpStatus = Code(.httpStatus)
        /// The server answered 200 but reported an error in the body or in the event stream.
        public static let serverError = Code(.serverError)
        /// The response is not a chat completion: not JSON, not SSE, or without any answer text.
        public static let badResponse = Code(.badResponse)
        /// The caller cancelled the request.
        public static let cancelled = Code(.cancelled)
        /// A setting, the config file, or the environment holds an unusable value.
        public static let configuration = Code(.configuration)
        /// A prompt template file is missing or malformed.
        public static let template = Code(.template)

        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// One line naming the cause; safe to show to the user.
    public var message: String
    /// The HTTP status, for `.httpStatus` errors.
    public var httpStatus: Int?
    /// The lower-level error that caused this one, if any (a libcurl failure, a decoding error).
    public var underlying: (any Error)?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - message: One line naming the cause.
    ///   - httpStatus: The HTTP status, for `.httpStatus` errors.
    ///   - underlying: The lower-level error that caused this one.
    public init(_ code: Code, _ message: String, httpStatus: Int? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
        self.underlying = underlying
    }

    public var description: String { message }

    public var debugDescription: String {
        var text = "LLMError(\(code)): \(message)"
        if let underlying {
            text += " [caused by: \(String(describing: underlying))]"
        }
        return text
    }

    /// This error with the secret hidden in the message and the underlying cause (see `Redaction`).
    ///
    /// Servers sometimes quote the key they rejected ("Incorrect API key provided: sk-…"), whole, in
    /// another case or masked, so every error leaving the client passes through here.
    ///
    /// - Parameter redaction: The secret to hide, or `nil` when none is set.
    /// - Returns: The error with every part of the secret replaced by `[redacted]`.
    func redacting(_ redaction: Redaction?) -> LLMError {
        guard let redaction else { return self }
        var copy = self
        copy.message = redaction.apply(message)
        if let underlying {
            let described = String(describing: underlying)
            if redaction.apply(String(reflecting: underlying)) != String(reflecting: underlying)
                || redaction.apply(described) != described {
                copy.underlying = RedactedError(description: redaction.apply(described))
            }
        }
        return copy
    }
}

/// The stand-in for an underlying error whose text contained the API key.
struct RedactedError: Error, CustomStringConvertible {
    var description: String
}

