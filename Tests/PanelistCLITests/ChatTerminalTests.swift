import Foundation
import Glibc
import Testing
import TestSupport

/// The chat on a real pseudo-terminal: prompt, answers, completion, history, Ctrl-C, Ctrl-D.
@Suite(.serialized) struct ChatTerminalTests {
    static let prompt = "panelist› "

    func start(_ binary: PanelistBinary, arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try binary.onTerminal(arguments)
        try terminal.expect("Ask a question, or :help", timeout: 20)
        try awaitPrompt(terminal)
        return terminal
    }

    func awaitPrompt(_ terminal: PseudoTerminal) throws {
        try terminal.expect(Self.prompt, timeout: 10)
        try terminal.waitUntilReadingKeys(timeout: 5)
    }

    @Test func welcomesAnswersWithCitationsAndLeavesOnControlD() throws {
        let binary = try PanelistBinary()
        let terminal = try start(binary)
        #expect(terminal.transcript.contains("3 experts, 34 passages"))
        try terminal.send("Why is Putin so eager to court Trump?\r")
        try terminal.expect("Sources:", timeout: 10)
        try terminal.expect("] Dmitri Trenin", timeout: 5)
        try awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func followUpIsAnsweredInContext() throws {
        let terminal = try start(try PanelistBinary())
        try terminal.send("What does the Kremlin think about China?\r")
        try terminal.expect("Sources:", timeout: 10)
        try awaitPrompt(terminal)
        try terminal.send("Does it trust them?\r")
        let reply = try terminal.expect("Sources:", timeout: 10)
        #expect(reply.contains("trust China"))
        try awaitPrompt(terminal)
        try terminal.send(":quit\r")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func completesCommandsAndExpertNames() throws {
        let terminal = try start(try PanelistBinary())
        try terminal.send(":top\t")
        try terminal.expect("ics", timeout: 3)
        try terminal.send("\r")
        try terminal.expect("Alexander Baunov:", timeout: 5)
        try awaitPrompt(terminal)
        try terminal.send(":expert Gab\t")
        try terminal.expect("uev", timeout: 3)
        try terminal.send("\r")
        try terminal.expect("Answers now draw only on Alexander Gabuev", timeout: 5)
        try awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func historyIsRecalledInTheNextSession() throws {
        let binary = try PanelistBinary()
        let first = try start(binary)
        try first.send("Are Russia and Iran allies?\r")
        try first.expect("Sources:", timeout: 10)
        try awaitPrompt(first)
        try first.send("\u{04}")
        #expect(try first.waitForExit(timeout: 5) == 0)
        let history = binary.home.appendingPathComponent("state/panelist/history")
        #expect(FileManager.default.fileExists(atPath: history.path))

        let second = try start(binary)
        try second.send("\u{1b}[A")
        try second.expect("Are Russia and Iran allies?", timeout: 3)
        try second.send("\r")
        try second.expect("Sources:", timeout: 10)
        try awaitPrompt(second)
        try second.send("\u{04}")
        #expect(try second.waitForExit(timeout: 5) == 0)
    }

    @Test func controlCOnAnEmptyPromptSaysHowToLeaveAndRestoresTheTerminal() throws {
        let terminal = try start(try PanelistBinary())
        try terminal.send("half a question")
        try terminal.expect("half a question", timeout: 3)
        try terminal.send("\u{03}")
        try terminal.expect("Ctrl-D or :quit to leave", timeout: 3)
        try awaitPrompt(terminal)
        try terminal.send(":k 3\r")
        try terminal.expect("top 3 passages", timeout: 5)
        try awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
        let modes = try terminal.currentModes()
        #expect(modes.c_lflag & tcflag_t(ICANON) == terminal.initialModes.c_lflag & tcflag_t(ICANON))
        #expect(modes.c_lflag & tcflag_t(ECHO) == terminal.initialModes.c_lflag & tcflag_t(ECHO))
    }

    @Test func pastedLinesAreOneQuestionAndBackslashContinues() throws {
        let terminal = try start(try PanelistBinary())
        try terminal.send("Why is Putin so eager\rto court Trump?\r")
        try terminal.expect("Sources:", timeout: 10)
        try awaitPrompt(terminal)
        try terminal.send(":why\r")
        let why = try terminal.expect("Evidence:", timeout: 5)
        #expect(why.contains("Question: Why is Putin so eager to court Trump?"))
        try awaitPrompt(terminal)
        try terminal.send("Are Russia and \\\r")
        try terminal.expect("… ", timeout: 3)
        try terminal.send("Iran allies?\r")
        try terminal.expect("Sources:", timeout: 10)
        try awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }
}

/// Ctrl-C while a language model is streaming a reply cancels that reply, not the chat.
@Suite(.serialized) struct ChatCancellationTests {
    @Test func controlCCancelsAStreamingReply() throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let binary = try PanelistBinary()
        let chat = ChatTerminalTests()
        let terminal = try chat.start(binary, arguments: ["--llm", server.url, "--model", "slow"])
        #expect(terminal.transcript.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("answers by slow at 127.0.0.1"))
        try terminal.send("Why is Putin so eager to court Trump?\r")
        try terminal.expect("piece 1", timeout: 10)
        let pressed = Date()
        try terminal.send("\u{03}")
        try terminal.expect("(cancelled)", timeout: 3)
        #expect(Date().timeIntervalSince(pressed) < 4)
        try chat.awaitPrompt(terminal)
        try terminal.send(":mode offline\r")
        try terminal.expect("Mode: offline answers.", timeout: 5)
        try chat.awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }
}
