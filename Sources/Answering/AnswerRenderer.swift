import Corpus

/// The plain-text pieces of an answer shared by the terminal renderer and the JSON output.
public enum AnswerRenderer {

    /// `[n] Expert Name — role — on "the question"`.
    public static func sourceLine(_ citation: Citation) -> String {
        let passage = citation.passage.passage
        var line = "[\(citation.n)] \(passage.expert.isEmpty ? "(unnamed source)" : passage.expert)"
        if !passage.role.isEmpty { line += " — \(passage.role)" }
        if !passage.question.isEmpty { line += " — on “\(passage.question)”" }
        return line
    }

    /// The abstention message with the corpus's topics grouped by expert.
    public static func abstentionText(_ answer: Answer) -> String {
        var lines = ["The experts in this corpus did not address that question. They cover:"]
        for summary in answer.topics {
            lines.append("• \(summary.expert.name)\(summary.expert.role.isEmpty ? "" : " (\(summary.expert.role))"):")
            lines += summary.questions.map { "    – \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
