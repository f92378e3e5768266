import Answering
import Corpus

/// What one evaluation item produced.
public struct ItemOutcome: Sendable {
    public var item: EvalItem
    /// The 1-based rank of the first gold passage among the first ten, if any.
    public var goldRank: Int?
    /// The expert of the first passage, if any.
    public var firstExpert: String?
    /// Whether the item's earlier turns were used (false: the question was run alone).
    public var ranAsConversation: Bool
}

/// The figures of a whole run: overall, per kind, and per item.
public struct EvaluationReport: Sendable {
    public var overall = Metrics()
    public var byKind: [String: Metrics] = [:]
    public var outcomes: [ItemOutcome] = []
    /// Kinds in order of first appearance.
    public var kinds: [String] = []
}

/// Runs an evaluation set through a retriever and measures Hit@1, Hit@3, MRR@10 and expert@1.
public struct Evaluator {
    let retriever: Retriever

    public init(retriever: Retriever) {
        self.retriever = retriever
    }

    /// Runs every item.
    ///
    /// Follow-up items (with `context`) are run as the question alone for now.
    ///
    /// - Throws: `DatabaseError` when the store cannot be read.
    public func run(_ items: [EvalItem]) throws -> EvaluationReport {
        var report = EvaluationReport()
        for item in items {
            let outcome = try evaluate(item)
            report.outcomes.append(outcome)
            if report.byKind[item.kind] == nil { report.kinds.append(item.kind) }
            var kind = report.byKind[item.kind] ?? Metrics()
            if item.isInScope {
                let expertCorrect = outcome.firstExpert == item.expert
                report.overall.record(goldRank: outcome.goldRank, expertCorrect: expertCorrect)
                kind.record(goldRank: outcome.goldRank, expertCorrect: expertCorrect)
            } else {
                report.overall.recordOutOfScope()
                kind.recordOutOfScope()
            }
            report.byKind[item.kind] = kind
        }
        return report
    }

    func evaluate(_ item: EvalItem) throws -> ItemOutcome {
        guard let query = try? retriever.query(for: item.question) else {
            return ItemOutcome(item: item, goldRank: nil, firstExpert: nil, ranAsConversation: false)
        }
        let result = try retriever.search(query, k: 10)
        let rank = result.passages.firstIndex { GoldMatcher.matches($0.passage.text, gold: item.gold) }.map { $0 + 1 }
        return ItemOutcome(item: item, goldRank: rank, firstExpert: result.passages.first?.passage.expert, ranAsConversation: false)
    }
}
