import Foundation

/// Prints an evaluation report as a table, and as JSON for `eval --json`.
public enum ReportRenderer {
    /// A table: one row per kind, then the in-scope total.
    public static func table(_ report: EvaluationReport) -> String {
        var lines = [pad("kind", 12) + pad("n", 5) + pad("Hit@1", 8) + pad("Hit@3", 8) + pad("MRR@10", 8) + pad("expert@1", 10)
            + pad("cites-gold", 12) + pad("quotes-gold", 12) + pad("false-abst", 12) + pad("declined", 10) + "answers"]
        func answers(_ metrics: Metrics) -> String { metrics.graded > 0 ? format(metrics.answers) : "-" }
        func row(_ name: String, _ metrics: Metrics) -> String {
            guard metrics.inScope > 0 else {
                return pad(name, 12) + pad(String(metrics.outOfScope), 5) + pad("-", 8) + pad("-", 8) + pad("-", 8) + pad("-", 10)
                    + pad("-", 12) + pad("-", 12) + pad("-", 12) + pad(format(metrics.abstention), 10) + answers(metrics)
            }
            return pad(name, 12) + pad(String(metrics.inScope), 5) + pad(format(metrics.hitAt1), 8) + pad(format(metrics.hitAt3), 8)
                + pad(format(metrics.mrrAt10), 8) + pad(format(metrics.expertAt1), 10) + pad(format(metrics.citesGold), 12)
                + pad(format(metrics.quotesGold), 12) + pad(format(metrics.falseAbstention), 12) + pad(metrics.outOfScope > 0 ? format(metrics.abstention) : "-", 10) + answers(metrics)
        }
        for kind in report.kinds {
            if let metrics = report.byKind[kind] { lines.append(row(kind, metrics)) }
        }
        var inScope = Metrics()
        var outOfScope = Metrics()
        for outcome in report.outcomes {
            if outcome.item.isInScope { inScope.record(outcome) } else { outOfScope.record(outcome) }
        }
        lines.append(row("in-scope", inScope))
        lines.append(row("out-of-scope", outOfScope))
        if report.overall.graded > 0 {
            lines.append("answers passing: \(format(report.overall.answers)) (\(report.overall.passed) of \(report.overall.graded))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report's figures as a JSON-encodable value.
    public static func json(_ report: EvaluationReport) -> ReportOutput {
        ReportOutput(
            overall: FiguresOutput(report.overall),
            kinds: report.byKind.mapValues(FiguresOutput.init),
            items: report.outcomes.map(ItemOutput.init))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}

/// `eval --json`: `{"overall": F, "kinds": {kind: F}, "items": [I…]}`.
public struct ReportOutput: Codable, Sendable {
    public var overall: FiguresOutput
    public var kinds: [String: FiguresOutput]
    public var items: [ItemOutput]
}

/// Figures of a group: `{"in_scope", "out_of_scope", "hit_at_1", "hit_at_3", "mrr_at_10", "expert_at_1",
/// "cites_gold", "quotes_gold", "false_abstention", "abstention", "answers"}` (`answers` only for a set graded on answers).
public struct FiguresOutput: Codable, Sendable {
    public var inScope: Int
    public var outOfScope: Int
    public var hitAt1: Double
    public var hitAt3: Double
    public var mrrAt10: Double
    public var expertAt1: Double
    public var citesGold: Double
    public var quotesGold: Double
    public var falseAbstention: Double
    public var abstention: Double
    /// The share of items graded on the answer that passed; nil when none is.
    public var answers: Double?

    init(_ metrics: Metrics) {
        inScope = metrics.inScope
        outOfScope = metrics.outOfScope
        hitAt1 = metrics.hitAt1
        hitAt3 = metrics.hitAt3
        mrrAt10 = metrics.mrrAt10
        expertAt1 = metrics.expertAt1
        citesGold = metrics.citesGold
        quotesGold = metrics.quotesGold
        falseAbstention = metrics.falseAbstention
        abstention = metrics.abstention
        answers = metrics.graded > 0 ? metrics.answers : nil
    }

    enum CodingKeys: String, CodingKey {
        case inScope = "in_scope", outOfScope = "out_of_scope", hitAt1 = "hit_at_1", hitAt3 = "hit_at_3"
        case mrrAt10 = "mrr_at_10", expertAt1 = "expert_at_1", citesGold = "cites_gold", quotesGold = "quotes_gold"
        case falseAbstention = "false_abstention", abstention, answers
    }
}

/// One item's outcome: `{"id", "kind", "gold_rank", "cited_expert", "cites_gold", "quotes_gold", "abstained", "coverage", "conversation"}`.
public struct ItemOutput: Codable, Sendable {
    public var id: String
    public var kind: String
    public var goldRank: Int?
    public var citedExpert: String?
    public var citesGold: Bool
    public var quotesGold: Bool
    public var abstained: Bool
    public var coverage: Double
    public var conversation: Bool
    /// For an item graded on the answer: whether it passed.
    public var answerPasses: Bool?

    init(_ outcome: ItemOutcome) {
        id = outcome.item.id
        kind = outcome.item.kind
        goldRank = outcome.goldRank
        citedExpert = outcome.citedExpert
        citesGold = outcome.citesGold
        quotesGold = outcome.quotesGold
        abstained = outcome.abstained
        coverage = (outcome.coverage * 1000).rounded() / 1000
        conversation = outcome.item.context != nil
        answerPasses = outcome.answerPasses
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, goldRank = "gold_rank", citedExpert = "cited_expert", citesGold = "cites_gold", quotesGold = "quotes_gold", abstained, coverage, conversation
        case answerPasses = "answer_passes"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(goldRank, forKey: .goldRank)
        try container.encode(citedExpert, forKey: .citedExpert)
        try container.encode(citesGold, forKey: .citesGold)
        try container.encode(quotesGold, forKey: .quotesGold)
        try container.encode(abstained, forKey: .abstained)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(conversation, forKey: .conversation)
        try container.encodeIfPresent(answerPasses, forKey: .answerPasses)
    }
}
