/// A question Panelist cannot work with, with a one-line message that says what to do.
public struct AnswerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem this is.
    public struct Code: Equatable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case emptyQuestion, questionTooLong, unknownExpert, ambiguousExpert
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The question is empty or has only stop words.
        public static let emptyQuestion = Code(.emptyQuestion)
        /// The question is longer than Panelist accepts.
        public static let questionTooLong = Code(.questionTooLong)
        /// An expert was named that the corpus does not have.
        public static let unknownExpert = Code(.unknownExpert)
        /// An expert was named by a word that several experts' names share ("Alexander").
        public static let ambiguousExpert = Code(.ambiguousExpert)

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
