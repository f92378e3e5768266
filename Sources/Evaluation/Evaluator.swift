import Answering
import Corpus
import Search

/// What one evaluation item produced.
public struct ItemOutcome: Sendable {
    public var item: EvalItem
    /// The 1-based rank of the first gold passage among the first ten retrieved, if any.
    public var goldRank: Int?
    /// The expert of the answer's first citation, if any.
    public var citedExpert: String?
    /// Whether a cited passage holds a gold phrase.
    public var citesGold: Bool
    /// Whether a sentence the answer quotes holds a gold phrase: the answer itself says it, not only a passage it cites.
    public var quotesGold: Bool
    /// Whether Panelist declined to answer.
    public var abstained: Bool
    /// The evidence coverage of the best passage (see `Evidence`).
    public var coverage: Double
    /// For an item graded on the answer: whether the answer passes (see `AnswerGrade`).
    public var answerPasses: Bool?
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
/// Retrieval figures (Hit@1, Hit@3, MRR@10) come from the top ten passages retrieved for the
/// answer (expert names become filters, follow-ups carry their context); answer figures from the
/// answer itself.
public struct Evaluator {
    let answerer: Answerer

    public init(answerer: Answerer) {
        self.answerer = answerer
    }

    /// Runs every item; a follow-up item (with `context`) as a conversation whose earlier turns are
    /// its context questions.
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
        let conversation = Conversation(answerer: answerer, options: AnswerOptions(k: 10))
        for earlier in item.context ?? [] {
            do {
                _ = try conversation.ask(earlier)
            } catch is AnswerError {
                continue
            }
        }
        let answer: Answer
        do {
            answer = try conversation.ask(item.question)
        } catch is AnswerError {
            return ItemOutcome(item: item, goldRank: nil, citedExpert: nil, citesGold: false, quotesGold: false, abstained: true, coverage: 0,
                               answerPasses: item.gradesAnswer ? !item.isInScope : nil)
        }
        let rank = answer.retrieved.firstIndex { GoldMatcher.matches($0.passage.text, gold: item.gold) }.map { $0 + 1 }
        return ItemOutcome(
            item: item, goldRank: rank, citedExpert: answer.citations.first?.passage.passage.expert,
            citesGold: answer.citations.contains { GoldMatcher.matches($0.passage.passage.text, gold: item.gold) },
            quotesGold: answer.citations.contains { $0.quotes.contains { GoldMatcher.matches($0, gold: item.gold) } },
            abstained: answer.abstained, coverage: answer.evidence.coverage,
            answerPasses: item.gradesAnswer ? AnswerGrade.passes(answer, item: item) : nil)
    }
}

/// Grades a whole answer against an item of an answer set: an out-of-scope item passes when declined;
/// an in-scope one when answered, its text (with its sources) holds a gold phrase, and it cites every
/// expert of `cites`.
public enum AnswerGrade {
    public static func passes(_ answer: Answer, item: EvalItem) -> Bool {
        guard item.isInScope else { return answer.abstained }
        guard !answer.abstained else { return false }
        let cited = Set(answer.citations.map(\.passage.passage.expert))
        let text = answer.text
        return (item.gold.isEmpty || GoldMatcher.matches(text, gold: item.gold)) && (item.cites ?? []).allSatisfy(cited.contains)
    }
}
