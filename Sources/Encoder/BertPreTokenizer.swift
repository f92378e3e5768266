/// Splits normalised text into words as BERT does (Hugging Face `tokenizers`' `BertPreTokenizer`):
/// at white space, which is dropped, and around every punctuation character, which becomes a word of
/// its own: "u.s." → "u", ".", "s", ".".
///
/// Punctuation is BERT's definition: the ASCII symbols `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~` (including
/// `$`, `+`, `<`, `=`, `>`, `^`, `` ` ``, `|` and `~`, which Unicode does not call punctuation) and every
/// character in a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po) in the reference's Unicode 8.0
/// tables (`ReferenceCategory`): curly quotes, dashes, "¿".
struct BertPreTokenizer: Sendable {
    /// The words of `text`, as ranges of its indices, in order.
    func words(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in text.enumerated() {
            if Self.isWhitespace(scalar) {
                if let begun = start { words.append(begun..<index) }
                start = nil
            } else if Self.isPunctuation(scalar) {
                if let begun = start { words.append(begun..<index) }
                words.append(index..<(index + 1))
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { words.append(begun..<text.count) }
        return words
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? (scalar.value == 0x20 || (0x09...0x0d).contains(scalar.value)) : scalar.properties.isWhitespace
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2f).contains(value) || (0x3a...0x40).contains(value) || (0x5b...0x60).contains(value)
                || (0x7b...0x7e).contains(value)
        }
        switch ReferenceCategory.of(scalar) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
