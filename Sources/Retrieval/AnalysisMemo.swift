/// The tokens of chunks of text (words, compounds, abbreviations) already analysed, so that text
/// made of the same words is not folded and stemmed again.
///
/// A chunk's tokens depend only on the chunk and on whether its text has lower-case letters, so
/// reusing them gives exactly the tokens of a fresh analysis. Memory is bounded: after `limit`
/// distinct chunks the memo starts afresh. Not thread-safe: give each thread its own.
///
/// ```swift
/// let memo = AnalysisMemo()
/// for text in texts { index(analyzer.tokens(text, memo: memo)) }
/// ```
public final class AnalysisMemo {
    private var chunksOfTextWithLowercase: [String: Analyzer.ChunkTokens] = [:]
    private var chunksOfTextWithoutLowercase: [String: Analyzer.ChunkTokens] = [:]
    /// How many distinct chunks are kept at most.
    public let limit: Int

    /// An empty memo that keeps at most `limit` chunks.
    public init(limit: Int = 1 << 16) {
        self.limit = max(1, limit)
    }

    /// The tokens of `chunk`, from the memo or else from `analyse`, which are then kept.
    func analysis(of chunk: String, hasLowercase: Bool, otherwise analyse: () -> Analyzer.ChunkTokens) -> Analyzer.ChunkTokens {
        if hasLowercase {
            return Self.lookUp(chunk, in: &chunksOfTextWithLowercase, limit: limit, otherwise: analyse)
        }
        return Self.lookUp(chunk, in: &chunksOfTextWithoutLowercase, limit: limit, otherwise: analyse)
    }

    private static func lookUp(_ chunk: String, in table: inout [String: Analyzer.ChunkTokens], limit: Int,
                               otherwise analyse: () -> Analyzer.ChunkTokens) -> Analyzer.ChunkTokens {
        if let known = table[chunk] { return known }
        let analysis = analyse()
        if table.count >= limit { table.removeAll(keepingCapacity: true) }
        table[chunk] = analysis
        return analysis
    }
}
