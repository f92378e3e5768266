/// A document that could not be read or parsed.
///
/// The message names the file and says what to do about it.
public struct CorpusError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is.
    public struct Code: Equatable, Sendable, CustomStringConvertible {
        private enum Kind: String, Equatable, Sendable {
            case unreadable, notText, unsupportedFormat, malformed, empty
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The file does not exist or cannot be opened.
        public static let unreadable = Code(.unreadable)
        /// The file is binary or not UTF-8.
        public static let notText = Code(.notText)
        /// The file's extension names no format Panelist reads.
        public static let unsupportedFormat = Code(.unsupportedFormat)
        /// A line or field is not what the format requires.
        public static let malformed = Code(.malformed)
        /// The input holds no passage at all.
        public static let empty = Code(.empty)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// One line: what went wrong, where, and what to do.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
