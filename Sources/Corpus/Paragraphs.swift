/// Splits text into paragraphs: runs of non-blank lines, joined with single spaces.
enum Paragraphs {
    /// The paragraphs of `text`, each with its lines trimmed and joined by one space.
    static func split(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var lines: [String] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty {
                if !lines.isEmpty { paragraphs.append(lines.joined(separator: " ")) }
                lines = []
            } else {
                lines.append(line)
            }
        }
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: " ")) }
        return paragraphs
    }
}
