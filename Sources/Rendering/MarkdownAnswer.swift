import Answering

/// An answer as Markdown (`panelist ask --format markdown`): the text with each `[n]` marker as a
/// footnote reference `[^n]`, then one footnote per citation naming the expert, role and question.
///
/// ```
/// Ties between Russia and China are unlikely to deteriorate.[^1]
///
/// [^1]: Alexander Gabuev — senior fellow … — on “How does the Kremlin think about China?”
/// ```
public enum MarkdownAnswer {
    /// The Markdown text of `answer`; without `sources`, the markers and footnotes are left out.
    public static func render(_ answer: Answer, sources: Bool = true) -> String {
        if answer.abstained {
            return escaped(AnswerRenderer.abstentionText(answer)).split(separator: "\n").map { line in
                line.hasPrefix("    – ") ? "  - " + line.dropFirst(6) : line.hasPrefix("• ") ? "- " + line.dropFirst(2) : Substring(line)
            }.joined(separator: "\n") + "\n"
        }
        let sentences = answer.sentences.map { sentence in
            let lead = sentence.speaker.map { "**\(escaped($0))**: " } ?? ""
            let markers = sentence.isUnsupported ? " *(unsupported)*"
                : sources ? ([sentence.citation] + sentence.extraCitations).filter { $0 > 0 }.map { "[^\($0)]" }.joined() : ""
            return lead + escaped(sentence.text) + markers
        }
        var text = sentences.joined(separator: answer.sentences.contains { $0.speaker != nil } ? "\n\n" : " ") + "\n"
        if sources && !answer.citations.isEmpty {
            text += "\n" + answer.citations.map { citation in
                "[^\(citation.n)]: " + escaped(String(AnswerRenderer.sourceLine(citation).drop(while: { $0 != " " }).dropFirst()))
            }.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// `text` with the characters that Markdown would read as markup backslash-escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
