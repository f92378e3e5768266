/// Cuts long paragraphs into passages of about `maxWords` words at sentence boundaries.
///
/// A paragraph of at most `maxWords` words stays whole. A longer one is split into the fewest
/// pieces that keep each under the limit where sentences allow, balanced in length; a single
/// sentence longer than the limit stays whole rather than being cut mid-sentence.
public struct Chunker: Sendable {
    /// The word count above which a paragraph is split.
    public var maxWords: Int
    let splitter = SentenceSplitter()

    public init(maxWords: Int = 180) {
        self.maxWords = maxWords
    }

    /// The passages texts for one paragraph.
    ///
    /// - Parameter paragraph: One paragraph of prose.
    /// - Returns: The paragraph itself, or its sentences regrouped into balanced pieces.
    public func chunks(of paragraph: String) -> [String] {
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

    /// The number of white-space separated words in `text`.
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}
