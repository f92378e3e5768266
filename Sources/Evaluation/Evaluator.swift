import Answering
import Corpus

/// What one evaluation item produced.
public struct ItemOutcome: Sendable {
    public var item: EvalItem
    /// The 1-based rank of the first gold passage among the first ten retrieved, if any.
    public var goldRank: Int?
    /// The expert of the answer's first citation, if any.
    public var citedExpert: String?
    /// Whether a cited passage holds a gold phrase.
    public var citesGold: Bool
    /// Whether Panelist declined to answer.
    public var abstained: Bool
    /// The evidence coverage of the best passage (see `Evidence`).
    public var coverage: Double
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

/// Runs an evaluation set through the answerer and measures retrieval and answers.
///
/// Retrieval figures (Hit@1, Hit@3, MRR@10) come from the top ten passages for the question as
/// the answerer prepares it (expert names become filters); answer figures from the answer itself.
public struct Evaluator {
    let answerer: Answerer

    public init(answerer: Answerer) {
        self.answerer = answerer
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
            report.byKind[item.kind, default: Metrics()].record(outcome)
            report.overall.record(outcome)
        }
        return report
    }

    func evaluate(_ item: EvalItem) throws -> ItemOutcome {
        let retrieved: SearchResult
        do {
            retrieved = try answerer.retrieve(item.question, options: AnswerOptions(k: 10)).result
        } catch is AnswerError {
            return ItemOutcome(item: item, goldRank: nil, citedExpert: nil, citesGold: false, abstained: true, coverage: 0, ranAsConversation: false)
        }
        let rank = retrieved.passages.firstIndex { GoldMatcher.matches($0.passage.text, gold: item.gold) }.map { $0 + 1 }
        let answer = try answerer.answer(item.question)
        return ItemOutcome(
            item: item, goldRank: rank, citedExpert: answer.citations.first?.passage.passage.expert,
            citesGold: answer.citations.contains { GoldMatcher.matches($0.passage.passage.text, gold: item.gold) },
            abstained: answer.abstained, coverage: answer.evidence.coverage, ranAsConversation: false)
    }
}
