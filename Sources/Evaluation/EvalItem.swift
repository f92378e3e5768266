import Corpus
import Foundation

/// One question of an evaluation set (the format of shared/eval/dev.jsonl).
public struct EvalItem: Codable, Sendable, Equatable {
    public var id: String
    public var question: String
    /// Earlier user turns of the same conversation, oldest first.
    public var context: [String]?
    /// The expert whose answer holds the reply; nil when the corpus does not cover the question.
    public var expert: String?
    /// Phrases of which any, found in a passage, makes it a correct answer.
    public var gold: [String]
    public var kind: String
    /// For an item graded on the whole answer (docs/eval/answers.jsonl): the experts the answer must
    /// cite, all of them; the answer's text must also contain a `gold` phrase.
    public var cites: [String]?

    /// Whether the item is graded on the answer (`cites` given, or declined when out of scope).
    public var gradesAnswer: Bool { cites != nil }

    /// Whether the corpus covers the question.
    public var isInScope: Bool { expert != nil }

    /// Reads a JSON Lines evaluation set.
    ///
    /// - Throws: `CorpusError` naming the file and line of a malformed item.
    public static func load(from url: URL) throws -> [EvalItem] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CorpusError(.unreadable, "cannot read \(url.path); check the path")
        }
        let decoder = JSONDecoder()
        var items: [EvalItem] = []
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 > 32 }) {
            do {
                items.append(try decoder.decode(EvalItem.self, from: Data(line)))
            } catch {
                throw CorpusError(.malformed, "\(url.path):\(offset + 1): not an evaluation item (needs id, question, expert, gold, kind)")
            }
        }
        guard !items.isEmpty else { throw CorpusError(.empty, "\(url.path) holds no evaluation items") }
        return items
    }
}

/// Decides whether a passage contains a gold phrase, comparing folded text.
///
/// Curly quotes become straight ones, en and em dashes `-`, runs of white space one space,
/// and case is ignored.
public enum GoldMatcher {
    /// `text` folded for comparison.
    public static func fold(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text.lowercased() {
            let mapped: Character
            switch character {
            case "\u{2018}", "\u{2019}": mapped = "'"
            case "\u{201C}", "\u{201D}": mapped = "\""
            case "\u{2013}", "\u{2014}": mapped = "-"
            default: mapped = character
            }
            if mapped.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(mapped)
                lastWasSpace = false
            }
        }
        return result
    }

    /// Whether `text` contains any of `gold`.
    public static func matches(_ text: String, gold: [String]) -> Bool {
        let folded = fold(text)
        return gold.contains { folded.contains(fold($0)) }
    }
}
