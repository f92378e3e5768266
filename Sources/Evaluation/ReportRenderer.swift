import Foundation

/// Prints an evaluation report as a table, and as JSON for `eval --json`.
public enum ReportRenderer {
    /// A table: one row per kind, then the in-scope total.
    public static func table(_ report: EvaluationReport) -> String {
        var lines = [pad("kind", 12) + pad("n", 5) + pad("Hit@1", 8) + pad("Hit@3", 8) + pad("MRR@10", 8) + "expert@1"]
        func row(_ name: String, _ metrics: Metrics) -> String {
            guard metrics.inScope > 0 else { return pad(name, 12) + pad(String(metrics.outOfScope), 5) + "(out of scope)" }
            return pad(name, 12) + pad(String(metrics.inScope), 5) + pad(format(metrics.hitAt1), 8) + pad(format(metrics.hitAt3), 8)
                + pad(format(metrics.mrrAt10), 8) + format(metrics.expertAt1)
        }
        for kind in report.kinds {
            if let metrics = report.byKind[kind] { lines.append(row(kind, metrics)) }
        }
        lines.append(row("in-scope", report.overall))
        if report.outcomes.contains(where: { $0.item.context != nil && !$0.ranAsConversation }) {
            lines.append("note: follow-up items were run as the question alone (no conversation yet)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report's figures as a JSON-encodable value.
    public static func json(_ report: EvaluationReport) -> ReportOutput {
        ReportOutput(
            overall: FiguresOutput(report.overall),
            kinds: report.byKind.mapValues(FiguresOutput.init),
            items: report.outcomes.map { ItemOutput(id: $0.item.id, kind: $0.item.kind, goldRank: $0.goldRank, firstExpert: $0.firstExpert) })
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

/// Figures of a group: `{"in_scope", "out_of_scope", "hit_at_1", "hit_at_3", "mrr_at_10", "expert_at_1"}`.
public struct FiguresOutput: Codable, Sendable {
    public var inScope: Int
    public var outOfScope: Int
    public var hitAt1: Double
    public var hitAt3: Double
    public var mrrAt10: Double
    public var expertAt1: Double

    init(_ metrics: Metrics) {
        inScope = metrics.inScope
        outOfScope = metrics.outOfScope
        hitAt1 = metrics.hitAt1
        hitAt3 = metrics.hitAt3
        mrrAt10 = metrics.mrrAt10
        expertAt1 = metrics.expertAt1
    }

    enum CodingKeys: String, CodingKey {
        case inScope = "in_scope", outOfScope = "out_of_scope", hitAt1 = "hit_at_1", hitAt3 = "hit_at_3"
        case mrrAt10 = "mrr_at_10", expertAt1 = "expert_at_1"
    }
}

/// One item's outcome: `{"id", "kind", "gold_rank", "first_expert"}`.
public struct ItemOutput: Codable, Sendable {
    public var id: String
    public var kind: String
    public var goldRank: Int?
    public var firstExpert: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, goldRank = "gold_rank", firstExpert = "first_expert"
    }
}
