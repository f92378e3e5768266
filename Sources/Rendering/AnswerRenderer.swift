import Answering
import Corpus

/// The plain-text pieces of an answer shared by the terminal renderer and the JSON output.
public enum AnswerRenderer {

    /// `[n] Expert Name — role — on "the question"`.
    public static func sourceLine(_ citation: Citation) -> String {
        "[\(citation.n)] " + sourceDescription(citation)
    }

    /// Who said a cited passage and what it answers: "Dmitri Trenin — director … — on “…”".
    static func sourceDescription(_ citation: Citation) -> String {
        let passage = citation.passage.passage
        var line = passage.expert.isEmpty ? "(unnamed source)" : passage.expert
        if !passage.role.isEmpty { line += " — \(passage.role)" }
        if !passage.question.isEmpty { line += " — on “\(passage.question)”" }
        return line
    }

    /// One line per distinct source, its markers together ("[1][2] Dmitri Trenin — … — on “…”"):
    /// several passages of one answer would otherwise print the same line again.
    public static func sourceLines(_ citations: [Citation]) -> [(line: String, expert: String)] {
        var order: [String] = []
        var markers: [String: String] = [:]
        var experts: [String: String] = [:]
        for citation in citations {
            let description = sourceDescription(citation)
            if markers[description] == nil { order.append(description) }
            markers[description, default: ""] += "[\(citation.n)]"
            experts[description] = citation.passage.passage.expert
        }
        return order.map { ("\(markers[$0] ?? "") \($0)", experts[$0] ?? "") }
    }

    /// The abstention message with the corpus's topics grouped by expert.
    public static func abstentionText(_ answer: Answer) -> String {
        if case .nothingMore? = answer.declined { return answer.text }
        var lines = ["The experts in this corpus did not address that question. They cover:"]
        for summary in answer.topics {
            lines.append("• \(summary.expert.name)\(summary.expert.role.isEmpty ? "" : " (\(summary.expert.role))"):")
            lines += summary.questions.map { "    – \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
