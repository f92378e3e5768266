import Answering
import Rendering

/// An answer as a chat message: the cited answer followed by its sources, plus the structured answer.
public struct ChatReply: Sendable, Equatable {
    /// The text an assistant message shows: the answer with its `[n]` markers, then one line per
    /// source (`[n] Expert — role — on “question”`); a declined question's message as it is.
    public var text: String
    /// The answer as `ask --json` prints it.
    public var output: AnswerOutput

    public init(_ answer: Answer) {
        output = AnswerOutput(answer)
        let sources = answer.citations.map(AnswerRenderer.sourceLine)
        text = sources.isEmpty ? output.answer : output.answer + "\n\nSources:\n" + sources.joined(separator: "\n")
    }
}
