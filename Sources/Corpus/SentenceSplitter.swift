/// Splits prose into sentences without breaking at abbreviations.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) when white
/// space and then an upper-case letter, a digit or an opening quote follow, or at the end of the
/// text. A period does not end a sentence after a title ("Mr.", "Dr."), an initial ("J."), or a
/// dotted abbreviation ("U.S.", "e.g.") — unless the next word is a function word such as "The",
/// which only starts sentences. Curly and straight quotes and dashes are handled alike.
///
/// A store keeps a vector for each of a passage's sentences, matched to this split by position: a change
/// to where sentences end needs stores rebuilt (a new `StoreMeta.analyzerVersion`).
///
/// ```swift
/// SentenceSplitter().split("Putin met the U.S. President. He smiled.")
/// // ["Putin met the U.S. President.", "He smiled."]
/// ```
public struct SentenceSplitter: Sendable {
    /// Words that are abbreviations when followed by a period, lower-cased and without the period.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
        "capt", "sgt", "rev", "hon", "pres", "vs", "fig", "approx", "dept", "est", "vol",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    /// Abbreviations that may also end a sentence; they do when a function word follows.
    static let terminalAbbreviations: Set<String> = ["etc", "inc", "ltd", "co", "corp", "al"]
    /// Lower-case words that start a new sentence after an ambiguous abbreviation.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
        "but", "and", "or", "so", "yet", "if", "in", "on", "at", "as", "for", "there", "what", "why",
        "how", "when", "where", "who", "which", "such", "some", "many", "most", "all", "both", "each",
        "his", "her", "their", "our", "my", "after", "before", "since", "while", "however",
    ]

    public init() {}

    /// The sentences of `text`, trimmed, in order.
    ///
    /// - Parameter text: Prose, possibly several paragraphs.
    /// - Returns: Each sentence verbatim (inner white space untouched), without surrounding white space.
    /// - Complexity: O(n) in the length of `text`.
    public func split(_ text: String) -> [String] {
        ranges(in: text).map { String(text[$0]) }
    }

    /// The ranges of the sentences of `text`, trimmed of surrounding white space.
    ///
    /// - Parameter text: Prose, possibly several paragraphs.
    /// - Returns: One range per sentence, in order, each indexing into `text`.
    public func ranges(in text: String) -> [Range<String.Index>] {
        let characters = Array(text.indices)
        var result: [Range<String.Index>] = []
        var start = 0
        var position = 0
        while position < characters.count {
            let character = text[characters[position]]
            guard character == "." || character == "!" || character == "?" || character == "…" else {
                position += 1
                continue
            }
            var end = position + 1
            while end < characters.count, Self.isClosing(text[characters[end]]) || text[characters[end]] == "." {
                end += 1
            }
            var next = end
            while next < characters.count, text[characters[next]].isWhitespace { next += 1 }
            let atEnd = next >= characters.count
            let separated = next > end
            if atEnd || (separated && Self.canStartSentence(text[characters[next]])
                && !isAbbreviation(text: text, indices: characters, period: position, nextWord: next, mark: character)) {
                append(text: text, indices: characters, from: start, to: end, into: &result)
                start = next
            }
            position = end
        }
        append(text: text, indices: characters, from: start, to: characters.count, into: &result)
        return result
    }

    private func append(text: String, indices: [String.Index], from: Int, to: Int, into result: inout [Range<String.Index>]) {
        var lower = from
        var upper = to
        while lower < upper, text[indices[lower]].isWhitespace { lower += 1 }
        while upper > lower, text[indices[upper - 1]].isWhitespace { upper -= 1 }
        guard lower < upper else { return }
        let upperIndex = upper < indices.count ? indices[upper] : text.endIndex
        result.append(indices[lower]..<upperIndex)
    }

    private func isAbbreviation(text: String, indices: [String.Index], period: Int, nextWord: Int, mark: Character) -> Bool {
        guard mark == "." else { return false }
        var wordStart = period
        while wordStart > 0, !text[indices[wordStart - 1]].isWhitespace, !Self.isOpening(text[indices[wordStart - 1]]) {
            wordStart -= 1
        }
        let word = String(text[indices[wordStart]..<indices[period]])
        let bare = word.lowercased()
        let following = Self.word(in: text, indices: indices, from: nextWord).lowercased()
        let followedByStarter = Self.sentenceStarters.contains(following)
        if Self.titles.contains(bare) { return true }
        if bare == "no" || bare == "nos" { return text[indices[nextWord]].isNumber }
        if Self.terminalAbbreviations.contains(bare) { return !followedByStarter }
        if word.count == 1, let letter = word.first, letter.isUppercase { return true }
        if Self.isDottedAbbreviation(word) { return !followedByStarter }
        return false
    }

    /// Whether `word` (without its final period) is letters separated by periods: "U.S", "e.g", "a.m".
    static func isDottedAbbreviation(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { $0.count == 1 && $0.first?.isLetter == true }
    }

    private static func word(in text: String, indices: [String.Index], from: Int) -> String {
        var end = from
        while end < indices.count, text[indices[end]].isLetter { end += 1 }
        let upper = end < indices.count ? indices[end] : text.endIndex
        return from < indices.count ? String(text[indices[from]..<upper]) : ""
    }

    private static func canStartSentence(_ character: Character) -> Bool {
        character.isUppercase || character.isNumber || isOpening(character)
    }

    private static func isClosing(_ character: Character) -> Bool {
        "\"'”’)]»".contains(character)
    }

    private static func isOpening(_ character: Character) -> Bool {
        "\"'“‘([«".contains(character)
    }
}
