import Answering

/// Shows a reply on the terminal as it streams in, wrapped at word boundaries, and keeps what was shown.
///
/// A word is held back until the space after it arrives, so that it can go on a new line when it
/// would cross `width` instead of being broken by the terminal; `finish()` shows the last one.
public final class StreamEcho {
    /// What has been streamed since the last `reset()`, as the model wrote it.
    public private(set) var text = ""
    /// The column to wrap at; nil writes the text as it comes.
    public var width: Int?
    let write: (String) -> Void
    private var word = ""
    private var column = 0

    public init(width: Int? = nil, write: @escaping (String) -> Void) {
        self.width = width
        self.write = write
    }

    /// Routes `generator`'s streamed text through this echo.
    public func attach(to generator: AnswerGenerator?) {
        generator?.onText = { [weak self] chunk in self?.show(chunk) }
    }

    func show(_ chunk: String) {
        text += chunk
        guard let width else { return write(chunk) }
        var out = ""
        for character in chunk {
            if character == "\n" {
                out += word + "\n"
                word = ""
                column = 0
            } else if character == " " {
                out += place(word, width: width)
                word = ""
            } else {
                word.append(character)
            }
        }
        write(out)
    }

    /// `word` preceded by a space, or by a line break when it would cross `width`.
    private func place(_ word: String, width: Int) -> String {
        guard !word.isEmpty else { return "" }
        defer { column += (column == 0 ? 0 : 1) + word.count }
        if column == 0 { return word }
        if column + 1 + word.count > width {
            column = 0
            return "\n" + word
        }
        return " " + word
    }

    /// Shows the word still held back.
    public func finish() {
        guard let width, !word.isEmpty else { return }
        write(place(word, width: width))
        word = ""
    }

    /// Forgets what was shown, before the next reply.
    public func reset() {
        text = ""
        word = ""
        column = 0
    }
}
