import Answering
import Corpus
import Foundation
import Retrieval

/// Turns answers and listings into text for the terminal: wrapped to a width, with colour when asked.
///
/// Colour sets off citation markers and expert names (ANSI SGR); without it, output is plain text.
public struct TextRenderer: Sendable {
    /// Whether to use ANSI colours.
    public var color: Bool
    /// The column to wrap at.
    public var width: Int {
        didSet { width = max(20, width) }
    }
    /// Whether answers are followed by their sources (`--no-sources` turns them off).
    public var showsSources: Bool

    public init(color: Bool, width: Int, showsSources: Bool = true) {
        self.color = color
        self.width = max(20, width)
        self.showsSources = showsSources
    }

    /// Whether colour should be used: a terminal, no `NO_COLOR`, no `--no-color`.
    public static func wantsColor(isTerminal: Bool, environment: [String: String], noColorFlag: Bool) -> Bool {
        isTerminal && !noColorFlag && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// An answer: its text wrapped, then the sources (or the abstention with topics).
    public func render(_ answer: Answer) -> String {
        if answer.abstained {
            // Continuation lines hang under the text of their bullet, not under the bullet.
            return wrap(AnswerRenderer.abstentionText(answer), indent: "  ") + "\n" + note(answer.notice)
        }
        return wrap(highlightMarkers(answer.text)) + "\n" + (showsSources ? "\n" + sources(answer) : note(answer.notice))
    }

    /// What follows a reply that was shown as it streamed in: the checked answer when checking
    /// changed it, then the sources; or, when Panelist fell back to the offline answer, that answer.
    public func render(_ answer: Answer, afterStreaming streamed: String) -> String {
        guard !streamed.isEmpty else { return render(answer) }
        guard answer.mode == .llm else { return "\n\n" + render(answer) }
        func normalised(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var output = "\n\n"
        if normalised(streamed) != normalised(answer.text) {
            output += style("Checked answer:", .bold) + "\n" + wrap(highlightMarkers(answer.text)) + "\n\n"
        }
        return output + (showsSources ? sources(answer) : note(answer.notice))
    }

    func sources(_ answer: Answer) -> String {
        var lines = [style("Sources:", .bold)]
        for source in AnswerRenderer.sourceLines(answer.citations) {
            lines.append(wrap(highlightSource(source.line, expert: source.expert), indent: "    "))
        }
        return lines.joined(separator: "\n") + "\n" + note(answer.notice)
    }

    /// The passages behind an answer with scores, their matched words highlighted.
    public func sources(of answer: Answer, analyzer: Analyzer) -> String {
        guard !answer.retrieved.isEmpty else { return "No passages yet: ask a question first.\n" }
        var lines: [String] = []
        for (offset, ranked) in answer.retrieved.enumerated() {
            let marker = answer.citations.first { $0.passage.doc == ranked.doc }.map { "[\($0.n)]" } ?? "   "
            let passage = ranked.passage
            lines.append("\(style(marker, .cyan)) #\(offset + 1) \(style(passage.expert, .yellow))  score \(String(format: "%.3f", ranked.score))  \(passage.id)")
            let matched = Set(ranked.contributions.map(\.term))
            lines.append(wrap("    " + highlight(passage.text, terms: matched, analyzer: analyzer)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One whole passage with its expert and question.
    public func passage(_ citation: Citation) -> String {
        let passage = citation.passage.passage
        var lines = [style("[\(citation.n)] \(passage.expert)", .yellow) + (passage.role.isEmpty ? "" : " — \(passage.role)")]
        if !passage.question.isEmpty { lines.append(wrap("Q: \(passage.question)")) }
        lines.append(wrap(passage.text))
        lines.append(style("(\(passage.id), \(passage.source))", .dim))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Plain wrapping of `text` at `width`, keeping existing line breaks.
    public func wrap(_ text: String, indent: String = "") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let leading = String(line.prefix(while: { $0 == " " }))
            var lines: [String] = []
            var current = leading
            var visible = leading.count
            for word in line.split(separator: " ") {
                let length = Self.visibleLength(word)
                if visible > leading.count, visible + 1 + length > width {
                    lines.append(current)
                    current = indent + leading
                    visible = current.count
                } else if visible > leading.count {
                    current += " "
                    visible += 1
                }
                current += word
                visible += length
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    enum Style: String {
        case bold = "1", dim = "2", cyan = "36", yellow = "33", green = "32", underline = "4"
    }

    func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    func note(_ notice: String?) -> String {
        notice.map { style("(\($0))", .dim) + "\n" } ?? ""
    }

    func highlightMarkers(_ text: String) -> String {
        guard color else { return text }
        var result = ""
        var marker = ""
        for character in text {
            if character == "[" { marker = "[" } else if !marker.isEmpty {
                marker.append(character)
                if character == "]" {
                    result += style(marker, .cyan)
                    marker = ""
                } else if !character.isNumber {
                    result += marker
                    marker = ""
                }
            } else {
                result.append(character)
            }
        }
        return result + marker
    }

    func highlightSource(_ line: String, expert: String) -> String {
        guard color, let range = line.range(of: expert) else { return highlightMarkers(line) }
        return highlightMarkers(String(line[..<range.lowerBound])) + style(expert, .yellow) + String(line[range.upperBound...])
    }

    /// `text` with the words whose terms are in `terms` set off (bold, or `*word*` without colour).
    func highlight(_ text: String, terms: Set<String>, analyzer: Analyzer) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let matches = analyzer.terms(String(word)).contains(where: terms.contains)
            guard matches else { return String(word) }
            return color ? style(String(word), .bold) : "*\(word)*"
        }.joined(separator: " ")
    }

    static func visibleLength(_ word: Substring) -> Int {
        var count = 0
        var inEscape = false
        for character in word {
            if character == "\u{1B}" { inEscape = true } else if inEscape { if character == "m" { inEscape = false } } else { count += 1 }
        }
        return count
    }
}
