import Foundation
import Search

/// Renders ranked passages as plain text for `panelist search`.
public struct PassageListRenderer: Sendable {
    /// Whether to list each passage's matched terms and their contributions.
    public var explain: Bool

    public init(explain: Bool = false) {
        self.explain = explain
    }

    /// The passages, numbered, each with expert, role, question, score and text.
    public func render(_ result: SearchResult) -> String {
        guard !result.passages.isEmpty else {
            return "No passage matches. Try other words, or `panelist search` without --expert.\n"
        }
        var lines: [String] = []
        for (offset, ranked) in result.passages.enumerated() {
            let passage = ranked.passage
            let who = passage.expert.isEmpty ? "(no expert)" : passage.expert
            let role = passage.role.isEmpty ? "" : " — \(passage.role)"
            lines.append("\(offset + 1). \(who)\(role)  [score \(String(format: "%.3f", ranked.score)), \(passage.id)]")
            if !passage.question.isEmpty { lines.append("   on “\(passage.question)”") }
            lines.append("   \(passage.text)")
            if explain {
                for contribution in ranked.contributions {
                    let origin = contribution.origin == .user ? "" : " [\(contribution.origin.rawValue)]"
                    lines.append("     + \(String(format: "%.4f", contribution.value))  \(contribution.term) ← “\(contribution.word)” in \(contribution.field)\(origin)")
                }
                if ranked.coverageFactor != 1 {
                    lines.append("     × \(String(format: "%.4f", ranked.coverageFactor))  for the share of the question’s topics it covers")
                }
                if ranked.similarity != nil { lines.append("     = \(ranked.scoreParts), fused into \(String(format: "%.3f", ranked.score))") }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
