import Answering

/// What `:corpus` needs from the program: the corpora there are and a way to open one.
public struct CorpusSwitch {
    /// A corpus opened for the chat.
    public struct Opened {
        public var answerer: Answerer
        /// How the welcome line names it ("work (notes.md)").
        public var description: String
        /// How the conversation log names it ("work").
        public var label: String

        public init(answerer: Answerer, description: String, label: String) {
            self.answerer = answerer
            self.description = description
            self.label = label
        }
    }

    /// The corpus names, `default` first.
    public let names: () -> [String]
    /// Opens corpus `name`; throws an error that says what corpora there are.
    public let open: (String) throws -> Opened

    public init(names: @escaping () -> [String], open: @escaping (String) throws -> Opened) {
        self.names = names
        self.open = open
    }
}
