import Answering
import Corpus
import Foundation
import Rendering

/// The chat on a terminal: a prompt with line editing, history and completion.
///
/// Ctrl-C on an empty prompt says how to leave; while a reply is produced it cancels the reply;
/// Ctrl-D or `:quit` leaves. The terminal is restored by the line editor in every case.
public struct InteractiveChat {
    let session: ChatSession

    public init(session: ChatSession) {
        self.session = session
    }

    /// What Tab completes the word before the cursor to: after `:expert`, the experts (every one
    /// for an empty word) and `all`; after `:corpus`, the corpora; otherwise the commands for a
    /// word starting with ":", the experts' names for any other.
    func completions(prefix: String, line: String) -> [String] {
        let experts = session.retriever.experts.flatMap { [$0.expert.name, $0.expert.surname] }
        let command = line.split(separator: " ", maxSplits: 1).first.map { $0.lowercased() }
        let afterCommand = line.contains(" ") && command?.hasPrefix(":") == true
        switch command {
        case ":expert" where afterCommand: return session.retriever.experts.map(\.expert.surname) + ["all"] + experts
        case ":corpus" where afterCommand: return session.corpora?.names() ?? []
        default:
            guard !prefix.isEmpty else { return [] }
            return prefix.hasPrefix(":") ? ChatCommand.words : experts
        }
    }

    /// Runs until the user leaves.
    ///
    /// - Throws: `DatabaseError` when the store fails.
    public func run() throws {
        let editor = LineEditor(programName: "panelist", historyFile: Terminal.historyFile(), completions: completions)
        let interrupt = InterruptFlag.shared
        interrupt.install()
        let echo = StreamEcho(write: write)
        echo.attach(to: session.languageModel?.generator)
        session.languageModel?.generator.isCancelled = { InterruptFlag.shared.isSet }
        write(session.welcome())
        while true {
            switch editor.readLine(prompt: session.renderer.color ? "\u{1}\u{1B}[1m\u{1}panelist›\u{1}\u{1B}[0m\u{1} " : "panelist› ") {
            case .endOfInput:
                write("\n")
                return
            case .interrupted:
                write("(Ctrl-D or :quit to leave)\n")
            case .line(let line):
                guard !line.trimmingWhitespace().isEmpty else { continue }
                editor.addToHistory(line)
                // The width is asked for at each reply, so a resized terminal gets replies that fit it.
                session.renderer.width = Terminal.columns
                echo.width = Terminal.columns
                interrupt.reset()
                echo.reset()
                let reply = session.handle(line)
                echo.finish()
                if interrupt.isSet {
                    write("\n(cancelled)\n")
                    continue
                }
                switch reply {
                case .quit: return
                case .answer(let answer): write(session.renderer.render(answer, afterStreaming: echo.text) + "\n")
                case .text(let text): write(text)
                case .problem(let message): write("\(message)\n")
                }
            }
        }
    }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
