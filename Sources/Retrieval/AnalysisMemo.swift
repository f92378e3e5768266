/// The tokens of chunks of text (words, compounds, abbreviations) already analysed, so that text
/// made of the same words is not folded and stemmed again.
///
/// A chunk's tokens depend only on the chunk and on whether its text has lower-case letters, so
/// reusing them gives exactly the tokens of a fresh analysis. Memory is bounded: chunks are kept
/// in two generations of at most `limit` each; when the recent one is full it becomes the older
/// one and the chunks of the older one not used since are forgotten. Not thread-safe: give each
/// thread its own.
///
/// ```swift
/// let memo = AnalysisMemo()
/// for text in texts { index(analyzer.tokens(text, memo: memo)) }
/// ```
public final class AnalysisMemo {
    struct Key: Hashable {
        var chunk: String
        var hasLowercase: Bool
    }

    private var recent: [Key: Analyzer.ChunkTokens] = [:]
    private var older: [Key: Analyzer.ChunkTokens] = [:]
    /// How many distinct chunks each generation keeps at most.
    public let limit: Int

    /// An empty memo that keeps at most `limit` chunks per generation.
    public init(limit: Int = 1 << 15) {
        self.limit = max(1, limit)
    }

    /// The tokens of `chunk`, from the memo or else from `analyse`, which are then kept.
    func analysis(of chunk: String, hasLowercase: Bool, otherwise analyse: () -> Analyzer.ChunkTokens) -> Analyzer.ChunkTokens {
        let key = Key(chunk: chunk, hasLowercase: hasLowercase)
        if let known = recent[key] { return known }
        let analysis = older[key] ?? analyse()
        if recent.count >= limit {
            older = recent
            recent = [:]
            recent.reserveCapacity(limit)
        }
        recent[key] = analysis
        return analysis
    }
}
