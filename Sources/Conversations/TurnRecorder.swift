import Answering
import Foundation

/// Appends one conversation's turns to the log, starting the conversation at its first turn (so a
/// chat left without a question leaves nothing behind).
///
/// A log that cannot be written does not stop the chat or `ask`: the failure is reported once
/// through `report` and logging stops for the rest of the process.
public final class TurnRecorder {
    private var log: ConversationLog?
    private let report: (String) -> Void
    /// The conversation being written, once it has a turn (or the one continued).
    public private(set) var conversation: Int64?
    /// The corpus the next turns are asked of.
    public private(set) var corpus: String

    /// - Parameters:
    ///   - log: The log to write.
    ///   - conversation: The conversation to continue, or nil to start one at the first turn.
    ///   - corpus: The corpus the questions are asked of.
    ///   - report: Shows a one-line warning (the chat's standard error).
    public init(log: ConversationLog, conversation: Int64?, corpus: String, report: @escaping (String) -> Void) {
        self.log = log
        self.conversation = conversation
        self.corpus = corpus
        self.report = report
    }

    /// Starts a new conversation over `corpus`: after `:clear` or `:corpus`, so that continuing the
    /// log never brings back turns the chat had let go.
    public func startConversation(corpus: String) {
        self.corpus = corpus
        guard let log else { return }
        do {
            conversation = try log.startConversation(corpus: corpus)
        } catch {
            fail(error)
        }
    }

    private func fail(_ error: any Error) {
        log = nil
        report("panelist: warning: the conversation is no longer logged: \(error)")
    }

    /// Appends `answer`, asked with `options`.
    public func record(_ answer: Answer, options: AnswerOptions) {
        guard let log else { return }
        do {
            conversation = try log.append(LoggedTurn(answer, options: options, corpus: corpus), to: conversation).conversation
        } catch {
            fail(error)
        }
    }
}
