/// Writes the final answer from an offline one: the hook through which a language model answers.
///
/// The offline answer carries the retrieved passages and the abstention decision; a generator
/// that cannot do better returns it unchanged (with a notice), or throws when that is wanted.
public protocol AnswerGenerator: AnyObject {
    /// Receives the answer's text as it is produced (for showing a streamed reply).
    var onText: (String) -> Void { get set }
    /// Checked while producing; true aborts (Ctrl-C in the chat).
    var isCancelled: @Sendable () -> Bool { get set }

    /// The answer to `question` written from `offline`'s passages, given the earlier turns.
    ///
    /// - Throws: When the generator must fail rather than fall back (e.g. `--require-llm`).
    func generate(_ question: String, from offline: Answer, history: [Conversation.Turn]) throws -> Answer
}
