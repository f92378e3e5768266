/// Retrieval and answer figures for a group of evaluation items.
public struct Metrics: Sendable, Codable, Equatable {
    /// In-scope items.
    public var inScope = 0
    /// Out-of-scope items.
    public var outOfScope = 0
    var hits1 = 0
    var hits3 = 0
    var reciprocalRanks = 0.0
    var expertHits = 0

    public init() {}

    /// Share of in-scope items whose first passage holds a gold phrase.
    public var hitAt1: Double { share(hits1, of: inScope) }
    /// Share of in-scope items with a gold passage among the first three.
    public var hitAt3: Double { share(hits3, of: inScope) }
    /// Mean reciprocal rank of the first gold passage within the first ten.
    public var mrrAt10: Double { inScope > 0 ? reciprocalRanks / Double(inScope) : 0 }
    /// Share of in-scope items whose first passage is the right expert's.
    public var expertAt1: Double { share(expertHits, of: inScope) }

    /// Adds one in-scope item's outcome.
    ///
    /// - Parameters:
    ///   - goldRank: The 1-based rank of the first passage holding a gold phrase, if any.
    ///   - expertCorrect: Whether the first passage names the expected expert.
    public mutating func record(goldRank: Int?, expertCorrect: Bool) {
        inScope += 1
        if let goldRank {
            if goldRank == 1 { hits1 += 1 }
            if goldRank <= 3 { hits3 += 1 }
            if goldRank <= 10 { reciprocalRanks += 1 / Double(goldRank) }
        }
        if expertCorrect { expertHits += 1 }
    }

    /// Adds one out-of-scope item.
    public mutating func recordOutOfScope() {
        outOfScope += 1
    }

    func share(_ count: Int, of total: Int) -> Double {
        total > 0 ? Double(count) / Double(total) : 0
    }
}
