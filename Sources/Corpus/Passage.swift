/// One retrievable unit of a corpus: an answer paragraph with the expert who gave it.
///
/// A passage knows who said it (`expert`, `role`), what it answers (`question`) and where it
/// comes from (`source`, `ordinal`), so every sentence taken from it can be cited.
public struct Passage: Codable, Sendable, Equatable, Hashable {
    /// A stable identifier: the same input always yields the same id.
    public var id: String
    /// The expert's name, or an empty string when the source names nobody.
    public var expert: String
    /// The expert's role or affiliation, possibly empty.
    public var role: String
    /// The question the passage answers (or the section heading it stands under), possibly empty.
    public var question: String
    /// The passage text, verbatim but for terminal control characters.
    public var text: String
    /// The file (or JSON Lines `source` field) the passage comes from.
    public var source: String
    /// The passage's position among the passages of its source, starting at 1.
    public var ordinal: Int

    /// A passage; control characters are removed from every field (`removingControlCharacters`),
    /// so what a corpus holds can be printed as it is.
    public init(id: String, expert: String, role: String, question: String, text: String, source: String, ordinal: Int) {
        self.id = id.removingControlCharacters()
        self.expert = expert.removingControlCharacters()
        self.role = role.removingControlCharacters()
        self.question = question.removingControlCharacters()
        self.text = text.removingControlCharacters()
        self.source = source.removingControlCharacters()
        self.ordinal = ordinal
    }
}
