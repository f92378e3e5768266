/// Cuts long paragraphs into passages of about `maxWords` words at sentence boundaries.
///
/// A paragraph of at most `maxWords` words stays whole. A longer one is split into the fewest
/// pieces that keep each under the limit where sentences allow, balanced in length; a single
/// sentence longer than the limit stays whole rather than being cut mid-sentence, unless it is
/// over twice the limit or `maxBytes` long (no answer is: a file without sentences or spaces) —
/// then it is cut at spaces, or anywhere when there are none, so no passage, and no answer
/// quoting it, is unbounded.
public struct Chunker: Sendable {
    /// The word count above which a paragraph is split.
    public var maxWords: Int
    let splitter = SentenceSplitter()

    /// The most UTF-8 bytes a passage holds.
    public var maxBytes: Int { maxWords * 24 }

    public init(maxWords: Int = 180) {
        self.maxWords = maxWords
    }

    /// The passages texts for one paragraph.
    ///
    /// - Parameter paragraph: One paragraph of prose.
    /// - Returns: The paragraph itself, or its sentences regrouped into balanced pieces.
    public func chunks(of paragraph: String) -> [String] {
        guard paragraph.utf8.count <= maxBytes else { return cut(paragraph) }
        let total = Self.wordCount(paragraph)
        guard total > maxWords else { return [paragraph] }
        let sentences = splitter.split(paragraph)
        let pieces = (total + maxWords - 1) / maxWords
        let target = (total + pieces - 1) / pieces
        var result: [String] = []
        var current: [String] = []
        var currentWords = 0
        for sentence in sentences {
            let words = Self.wordCount(sentence)
            if words > 2 * maxWords {
                if !current.isEmpty { result.append(current.joined(separator: " ")) }
                result += cut(sentence)
                current = []
                currentWords = 0
                continue
            }
            if currentWords > 0, currentWords + words > maxWords || currentWords >= target {
                result.append(current.joined(separator: " "))
                current = []
                currentWords = 0
            }
            current.append(sentence)
            currentWords += words
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// `text` cut at spaces into pieces of at most `maxWords` words and `maxBytes` bytes; a run
    /// of more than `maxBytes` bytes without a space is cut between characters.
    func cut(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 }
        var pieces: [String] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count, isSpace(bytes[start]) { start += 1 }
            guard start < bytes.count else { break }
            var end = start
            var words = 0
            var lastSpace: Int?
            while end < bytes.count, end - start < maxBytes {
                if isSpace(bytes[end]) {
                    if end > start, !isSpace(bytes[end - 1]) {
                        words += 1
                        lastSpace = end
                        if words == maxWords { break }
                    }
                }
                end += 1
            }
            if end < bytes.count, !isSpace(bytes[end]) {
                if let lastSpace { end = lastSpace } else {
                    while end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
                }
            }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self).trimmingWhitespace())
            start = end
        }
        return pieces.filter { !$0.isEmpty }
    }

    /// The number of white-space separated words in `text`.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
