/// Reads Markdown documents: headings are the questions (or sections), paragraphs the passages.
///
/// An optional front matter block between `---` lines may name the expert
/// (`expert: Name, role`) and, separately, the role (`role: …`). A heading that is an expert
/// line (`## Jane Roe, trade analyst at the Example Institute`: a capitalised name of two to four
/// words, a comma, a role in lower case — as in interview text) starts that expert's section, so
/// one file can hold several experts. Fenced code blocks are skipped; list items and quotes keep
/// their text without the Markdown markers.
public struct MarkdownParser: Sendable {
    let chunker: Chunker

    public init(chunker: Chunker = Chunker()) {
        self.chunker = chunker
    }

    /// The passages of one Markdown document.
    ///
    /// - Parameters:
    ///   - text: The document's text.
    ///   - source: The source name recorded in each passage.
    ///   - idStem: What the passages' ids start with (default: `source`'s stem).
    /// - Returns: The passages in document order, numbered from 1.
    public func passages(in text: String, source: String, idStem: String? = nil) -> [Passage] {
        var builder = PassageBuilder(source: source, idStem: idStem, chunker: chunker)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { String($0) }
        if let frontMatter = Self.frontMatter(of: lines) {
            if let expert = frontMatter.fields["expert"] { builder.expert = Expert.parse(line: expert) }
            if let role = frontMatter.fields["role"] { builder.expert.role = role }
            lines.removeFirst(frontMatter.lineCount)
        }
        var paragraph: [String] = []
        var inFence = false
        func flush() {
            if !paragraph.isEmpty { builder.add(paragraph: paragraph.joined(separator: " ")) }
            paragraph = []
        }
        for rawLine in lines {
            let line = rawLine.trimmingWhitespace()
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                inFence.toggle()
            } else if inFence {
                continue
            } else if line.hasPrefix("#") {
                flush()
                let heading = String(line.drop(while: { $0 == "#" })).trimmingWhitespace()
                if let expert = InterviewParser(chunker: chunker).expertLine(heading) {
                    builder.expert = expert
                    builder.question = ""
                } else {
                    builder.question = heading
                }
            } else if line.isEmpty {
                flush()
            } else {
                let text = Self.strippingMarkers(line)
                // A quote marker alone (">") is a blank line inside a quote: it ends the paragraph
                // rather than adding an empty piece (a lone ">" made a passage with no text).
                if text.trimmingWhitespace().isEmpty { flush() } else { paragraph.append(text) }
            }
        }
        flush()
        return builder.passages
    }

    /// The `key: value` fields of a leading `---` block and how many lines it spans.
    static func frontMatter(of lines: [String]) -> (fields: [String: String], lineCount: Int)? {
        guard lines.first?.trimmingWhitespace() == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" }) else { return nil }
        var fields: [String: String] = [:]
        for line in lines[1..<close] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon]).trimmingWhitespace().lowercased()
            fields[key] = String(line[line.index(after: colon)...]).trimmingWhitespace()
        }
        return (fields, close + 1)
    }

    static func strippingMarkers(_ line: String) -> String {
        var text = Substring(line)
        while text.hasPrefix(">") { text = text.dropFirst().drop(while: { $0 == " " }) }
        for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
        }
        return String(text)
    }
}
