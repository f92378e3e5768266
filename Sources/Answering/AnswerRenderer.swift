import Corpus

/// Renders answers as plain text: the answer, then its sources; or the abstention with the topics.
public struct AnswerRenderer: Sendable {
    public init() {}

    /// The answer text followed by a blank line and the sources list.
    public func render(_ answer: Answer) -> String {
        if answer.abstained { return Self.abstentionText(answer) + "\n" }
        var lines = [answer.text, "", "Sources:"]
        lines += answer.citations.map(Self.sourceLine)
        if let notice = answer.notice { lines += ["", "(\(notice))"] }
        return lines.joined(separator: "\n") + "\n"
    }

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
