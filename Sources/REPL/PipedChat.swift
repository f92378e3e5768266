import Answering
import Foundation
import Rendering
import Search

/// The chat over standard input that is not a terminal: one question (or `:command`) per line.
///
/// A line ending in `\` continues on the next. Plain mode prints each reply as the interactive
/// chat does, without a prompt, and shows a model's reply as it streams in only when `echoesStream`
/// (standard output is a terminal); JSON mode prints one `ask --json` object per answer and one
/// `ChatErrorOutput` object per failed line, one per line, and nothing else on standard output
/// (command output and problems go to standard error).
public struct PipedChat {
    let session: ChatSession
    let json: Bool
    let echoesStream: Bool

    /// - Parameter echoesStream: Whether to show a model's reply as it streams in (plain mode only).
    public init(session: ChatSession, json: Bool, echoesStream: Bool) {
        self.session = session
        self.json = json
        self.echoesStream = echoesStream
    }

    /// The most bytes one question may take in the input, its continuation lines together; a longer
    /// one is skipped unread, with an error. Far above the longest question (`Retriever.maxQuestionLength`).
    public static let lineLimit = 64 * 1024

    /// Reads lines with `readLine` until it returns nil or `:quit`, writing replies.
    ///
    /// A line that fails — an unknown command, an unusable question, a line over `lineLimit` — is a
    /// one-line problem on standard error and, in JSON mode, a `ChatErrorOutput` object on standard
    /// output; the chat goes on with the next line.
    ///
    /// - Parameters:
    ///   - readLine: The next input line, or nil at the end (`InputLines.next`, bounded by `lineLimit`).
    ///   - write: Writes to standard output.
    ///   - report: Writes to standard error.
    /// - Throws: An encoding error (not expected).
    public func run(readLine: () -> InputLine?, write: @escaping (String) -> Void, report: (String) -> Void) throws {
        let echo = StreamEcho(width: session.renderer.width, write: write)
        if echoesStream && !json { echo.attach(to: session.languageModel?.generator) }
        func fail(_ message: String, line: Int, question: String?) throws {
            report("panelist: \(message)\n")
            if json { write(try JSONLine.encode(ChatErrorOutput(error: message, line: line, question: question)) + "\n") }
        }
        var pending = ""
        var pendingTooLong = false
        var number = 0
        while let input = readLine() {
            number += 1
            guard case .text(let raw) = input else {
                pending = ""
                pendingTooLong = false
                try fail(Self.tooLong(number), line: number, question: nil)
                continue
            }
            if raw.hasSuffix("\\") {
                pending += raw.dropLast() + " "
                if pending.utf8.count > Self.lineLimit {
                    pending = ""
                    pendingTooLong = true
                }
                continue
            }
            let line = pending + raw
            pending = ""
            if pendingTooLong || line.utf8.count > Self.lineLimit {
                pendingTooLong = false
                try fail(Self.tooLong(number), line: number, question: nil)
                continue
            }
            echo.reset()
            let reply = session.handle(line)
            echo.finish()
            switch reply {
            case .quit: return
            case .answer(let answer):
                if json {
                    write(try JSONLine.encode(AnswerOutput(answer)) + "\n")
                } else {
                    write(session.renderer.render(answer, afterStreaming: echo.text) + "\n")
                }
            case .text(let text):
                if json { report(text) } else { write(text) }
            case .problem(let message):
                try fail(message, line: number, question: line.trimmingCharacters(in: .whitespaces))
            }
        }
    }

    private static func tooLong(_ line: Int) -> String {
        "line \(line) is longer than \(lineLimit / 1024) KB and was skipped unread; "
            + "a question takes at most \(Retriever.maxQuestionLength) characters"
    }
}
