import Answering
import Corpus
import Foundation

/// The chat on a terminal: a prompt with line editing, history and completion.
///
/// Ctrl-C on an empty prompt says how to leave; while a reply is produced it cancels the reply;
/// Ctrl-D or `:quit` leaves. The terminal is restored by the line editor in every case.
public struct InteractiveChat {
    let session: ChatSession
    let renderer: ChatRenderer

    public init(session: ChatSession, renderer: ChatRenderer) {
        self.session = session
        self.renderer = renderer
    }

    /// Runs until the user leaves.
    ///
    /// - Throws: `DatabaseError` when the store fails.
    public func run() throws {
        let experts = session.retriever.experts.flatMap { [$0.expert.name, $0.expert.surname] }
        let editor = LineEditor(programName: "panelist", historyFile: Terminal.historyFile()) { prefix, _ in
            (ChatCommand.words + experts).filter { $0.lowercased().hasPrefix(prefix.lowercased()) && !prefix.isEmpty }
        }
        let interrupt = InterruptFlag.shared
        interrupt.install()
        let echo = StreamEcho(write: write)
        echo.attach(to: session.languageModel?.generator)
        session.languageModel?.generator.isCancelled = { InterruptFlag.shared.isSet }
        write(session.welcome())
        while true {
            switch editor.readLine(prompt: renderer.color ? "\u{1}\u{1B}[1m\u{1}panelist›\u{1}\u{1B}[0m\u{1} " : "panelist› ") {
            case .endOfInput:
                write("\n")
                return
            case .interrupted:
                write("(Ctrl-D or :quit to leave)\n")
            case .line(let line):
                guard !line.trimmingWhitespace().isEmpty else { continue }
                editor.addToHistory(line)
                interrupt.reset()
                echo.reset()
                let reply = session.handle(line)
                if interrupt.isSet {
                    write("\n(cancelled)\n")
                    continue
                }
                switch reply {
                case .quit: return
                case .answer(let answer): write(renderer.render(answer, afterStreaming: echo.text) + "\n")
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
