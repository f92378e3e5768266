import ArgumentParser
import Conversations
import Foundation
import LLM

/// `--no-log`: whether `ask` and `chat` append their turns to the conversation log.
struct LogOptions: ParsableArguments {
    @Flag(help: ArgumentHelp("Keep no record of this conversation (also: \"log\": false in the config file, `panelist config set log false`)."))
    var noLog = false

    /// Whether turns are logged: no `--no-log`, and the config file does not switch the log off.
    var logs: Bool { !noLog && ConfigFile().logsConversations }

    /// The log, opened.
    ///
    /// - Throws: `DatabaseError` when it cannot be created or read.
    static func open() throws -> ConversationLog {
        try ConversationLog(path: ConversationLog.defaultPath())
    }

    /// A recorder for the conversation `continuing` (or a new one), or nil when logging is off or the
    /// log cannot be opened (said in a one-line warning: answering goes on without it).
    func recorder(continuing: Int64?, corpus: String) -> TurnRecorder? {
        guard logs else { return nil }
        let warn = { (message: String) in FileHandle.standardError.write(Data((message + "\n").utf8)) }
        do {
            return TurnRecorder(log: try Self.open(), conversation: continuing, corpus: corpus, report: warn)
        } catch {
            warn("panelist: warning: this conversation is not logged: \(error)")
            return nil
        }
    }
}
