import Answering
import Foundation

/// The chat over standard input that is not a terminal: one question (or `:command`) per line.
///
/// A line ending in `\` continues on the next. Plain mode prints each reply as the interactive
/// chat does, without a prompt, and shows a model's reply as it streams in only when `echoesStream`
/// (standard output is a terminal); JSON mode prints one `ask --json` object per answer, one per
/// line, and nothing else on standard output (command output and problems go to standard error).
public struct PipedChat {
    let session: ChatSession
    let renderer: ChatRenderer
    let json: Bool
    let echoesStream: Bool

    /// - Parameter echoesStream: Whether to show a model's reply as it streams in (plain mode only).
    public init(session: ChatSession, renderer: ChatRenderer, json: Bool, echoesStream: Bool) {
        self.session = session
        self.renderer = renderer
        self.json = json
        self.echoesStream = echoesStream
    }

    /// Reads lines with `readLine` until it returns nil or `:quit`, writing replies.
    ///
    /// - Parameters:
    ///   - readLine: The next input line, or nil at the end.
    ///   - write: Writes to standard output.
    ///   - report: Writes to standard error.
    /// - Throws: An encoding error (not expected).
    public func run(readLine: () -> String?, write: @escaping (String) -> Void, report: (String) -> Void) throws {
        let echo = StreamEcho(write: write)
        if echoesStream && !json { echo.attach(to: session.languageModel?.generator) }
        var pending = ""
        while let raw = readLine() {
            if raw.hasSuffix("\\") {
                pending += raw.dropLast() + " "
                continue
            }
            let line = pending + raw
            pending = ""
            echo.reset()
            switch session.handle(line) {
            case .quit: return
            case .answer(let answer):
                if json {
                    write(try JSONLine.encode(AnswerOutput(answer)) + "\n")
                } else {
                    write(renderer.render(answer, afterStreaming: echo.text) + "\n")
                }
            case .text(let text):
                if json { report(text) } else { write(text) }
            case .problem(let message):
                report("panelist: \(message)\n")
            }
        }
    }
}
