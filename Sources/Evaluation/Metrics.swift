/// Retrieval and answer figures for a group of evaluation items.
public struct Metrics: Sendable, Equatable {
    /// In-scope items.
    public var inScope = 0
    /// Out-of-scope items.
    public var outOfScope = 0
    var hits1 = 0
    var hits3 = 0
    var reciprocalRanks = 0.0
    var expertHits = 0
    var citesGoldCount = 0
    var quotesGoldCount = 0
    var falseAbstentions = 0
    var declined = 0
    /// Items graded on the answer, and how many passed.
    public var graded = 0
    public var passed = 0

    public init() {}

    /// Share of the items graded on the answer whose answer passed.
    public var answers: Double { share(passed, of: graded) }

    /// Share of in-scope items whose first passage holds a gold phrase.
    public var hitAt1: Double { share(hits1, of: inScope) }
    /// Share of in-scope items with a gold passage among the first three.
    public var hitAt3: Double { share(hits3, of: inScope) }
    /// Mean reciprocal rank of the first gold passage within the first ten.
    public var mrrAt10: Double { inScope > 0 ? reciprocalRanks / Double(inScope) : 0 }
    /// Share of in-scope items whose answer's first citation names the expected expert.
    public var expertAt1: Double { share(expertHits, of: inScope) }
    /// Share of in-scope items with a cited passage that holds a gold phrase.
    public var citesGold: Double { share(citesGoldCount, of: inScope) }
    /// Share of in-scope items with a quoted sentence that holds a gold phrase.
    public var quotesGold: Double { share(quotesGoldCount, of: inScope) }
    /// Share of in-scope items that Panelist wrongly declined.
    public var falseAbstention: Double { share(falseAbstentions, of: inScope) }
    /// Share of out-of-scope items that Panelist declined.
    public var abstention: Double { share(declined, of: outOfScope) }

    /// Adds one item's outcome.
    public mutating func record(_ outcome: ItemOutcome) {
        if let passes = outcome.answerPasses {
            graded += 1
            if passes { passed += 1 }
        }
        guard outcome.item.isInScope else {
            outOfScope += 1
            if outcome.abstained { declined += 1 }
            return
        }
        inScope += 1
        if let goldRank = outcome.goldRank {
            if goldRank == 1 { hits1 += 1 }
            if goldRank <= 3 { hits3 += 1 }
            if goldRank <= 10 { reciprocalRanks += 1 / Double(goldRank) }
        }
        if outcome.citedExpert == outcome.item.expert { expertHits += 1 }
        if outcome.citesGold { citesGoldCount += 1 }
        if outcome.quotesGold { quotesGoldCount += 1 }
        if outcome.abstained { falseAbstentions += 1 }
    }

    func share(_ count: Int, of total: Int) -> Double {
        total > 0 ? Double(count) / Double(total) : 0
    }
}
