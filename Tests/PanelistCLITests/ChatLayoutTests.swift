import Foundation
import Testing
import TestSupport

/// The chat's layout and small replies: wrapping at the terminal's width (and after a resize), piped
/// width from COLUMNS, completion of expert names, `:k` / `:expert` showing their value.
@Suite(.serialized) struct ChatLayoutTests {
    let chat = ChatTerminalTests()

    /// The transcript's lines after `marker`, escape sequences and carriage returns removed.
    static func lines(_ terminal: PseudoTerminal, after marker: String = "") -> [String] {
        var text = terminal.transcript
        if !marker.isEmpty, let range = text.range(of: marker, options: .backwards) { text = String(text[range.upperBound...]) }
        let plain = text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
        return plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Each line fits `columns`, and joining the lines gives back the words of `text` unbroken.
    static func expectWrapped(_ text: String, in lines: [String], columns: Int) {
        let words = text.split(separator: " ")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(String(words[0])) }) else {
            Issue.record("\(text.prefix(30)) not shown")
            return
        }
        var shown: [Substring] = []
        for line in lines[start...] {
            #expect(line.count <= columns, "line over \(columns) columns: \(line)")
            shown += line.split(separator: " ")
            if shown.count >= words.count { break }
        }
        #expect(Array(shown.prefix(words.count)) == words)
    }

    @Test func welcomeAndHelpAreWrappedAtANarrowTerminal() throws {
        let binary = try PanelistBinary()
        let terminal = try binary.onTerminal([], columns: 45)
        try terminal.expect(":help for commands.", timeout: 20)
        try chat.awaitPrompt(terminal)
        Self.expectWrapped("Panelist — default (carnegie-moscow-experts.txt): 3 experts, 34 passages; offline answers.",
                           in: Self.lines(terminal), columns: 45)
        try terminal.send(":help\r")
        try terminal.expect(":quit", timeout: 5)
        try chat.awaitPrompt(terminal)
        let help = Self.lines(terminal, after: "in plain English;").prefix(while: { !$0.contains("panelist›") })
        #expect(help.count > 10)
        for line in help { #expect(line.count <= 45, "help line over 45 columns: \(line)") }
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func answersFollowATerminalResize() throws {
        let terminal = try chat.start(try PanelistBinary())
        terminal.resize(columns: 50)
        try terminal.send("What does the Kremlin think about China?\r")
        try terminal.expect("Sources:", timeout: 10)
        try chat.awaitPrompt(terminal)
        let lines = Self.lines(terminal)
        let asked = try #require(lines.lastIndex { $0.contains("panelist› What does the Kremlin") })
        let answer = lines[(asked + 1)...].prefix(while: { !$0.hasPrefix("Sources:") })
        #expect(answer.count > 3)
        for line in answer { #expect(line.count <= 50, "line over 50 columns after the resize: \(line)") }
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func expertNamesCompleteInAnyCaseAndAnEmptyWordListsThem() throws {
        let terminal = try chat.start(try PanelistBinary())
        try terminal.send(":expert gab\t")
        try terminal.expect("Gabuev", timeout: 3)
        try terminal.send("\r")
        try terminal.expect("Answers now draw only on Alexander Gabuev", timeout: 5)
        try chat.awaitPrompt(terminal)
        try terminal.send(":expert \t")
        try terminal.expect("Baunov", timeout: 3)
        let listed = terminal.transcript
        #expect(listed.contains("Trenin") && listed.contains("Gabuev") && listed.contains("all"))
        try terminal.send("all\r")
        try terminal.expect("Answers now draw on all experts.", timeout: 5)
        try chat.awaitPrompt(terminal)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit(timeout: 5) == 0)
    }

    @Test func streamedModelTextIsWrappedAtWordBoundaries() throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let terminal = try PanelistBinary().onTerminal(
            ["ask", "Why is Putin so eager to court Trump?", "--llm", server.url, "--model", "grounded", "--no-log"], columns: 40)
        try terminal.expect("Sources:", timeout: 20)
        #expect(try terminal.waitForExit(timeout: 10) == 0)
        let streamed = Self.lines(terminal).prefix(while: { !$0.hasPrefix("Checked answer:") && !$0.hasPrefix("Sources:") })
        #expect(streamed.count > 2)
        for line in streamed { #expect(line.count <= 40, "streamed line over 40 columns: \(line)") }
        #expect(streamed.joined(separator: " ").contains("green cheese and rockets [2]."))
    }

    @Test func pipedChatWrapsAtColumns() throws {
        let run = try PanelistBinary().run(["chat", "--no-log"], input: "What does the Kremlin think about China?\n",
                                           environment: ["COLUMNS": "60"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count > 5)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines.contains { $0.count > 50 })
    }

    @Test func commandsWithoutAnArgumentShowTheCurrentValue() throws {
        let run = try PanelistBinary().run(["chat", "--no-log"], input: ":k\n:k 1\n:k\n:expert\n:expert trenin\n:expert\n:foo\n")
        #expect(run.stdout.contains("Answers draw on the top 5 passages. (:k N to change)"))
        #expect(run.stdout.contains("Answers now draw on the top passage.\n"))
        #expect(run.stdout.contains("Answers draw on the top passage. (:k N to change)"))
        #expect(run.stdout.contains("Answers draw on all experts."))
        #expect(run.stdout.contains("Answers draw on only Dmitri Trenin."))
        #expect(run.stderr.contains("unknown command :foo; type :help for the commands"))
    }

    @Test func declinedTopicsHangUnderTheirBullet() throws {
        let run = try PanelistBinary().run(["chat", "--no-log"], input: "What is the recipe for banana bread?\n",
                                           environment: ["COLUMNS": "60"])
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // A question wrapped onto a second line is indented past its dash, not back to the margin.
        let wrapped = lines.indices.dropFirst().filter { lines[$0 - 1].hasPrefix("    – ") && !lines[$0].hasPrefix("    – ") && !lines[$0].hasPrefix("•") && !lines[$0].hasPrefix("(") }
        #expect(!wrapped.isEmpty)
        for index in wrapped { #expect(lines[index].hasPrefix("      "), "not indented: \(lines[index])") }
        let experts = lines.indices.dropFirst().filter { lines[$0 - 1].hasPrefix("• ") && !lines[$0].hasPrefix("    – ") }
        for index in experts { #expect(lines[index].hasPrefix("  "), "not indented: \(lines[index])") }
    }

    @Test func passagesWithoutAnExpertAreCountedInExpertsAndTopics() throws {
        let binary = try PanelistBinary()
        let notes = binary.home.appendingPathComponent("mixed.md")
        try "# What about tariffs?\n\nTariffs raise consumer prices.\n\n# And wheat?\n\nWheat harvests fell.\n".write(to: notes, atomically: true, encoding: .utf8)
        #expect(try binary.run(["index", notes.path, "--name", "mixed"]).status == 0)
        let run = try binary.run(["chat", "--corpus", "mixed", "--no-log"], input: ":experts\n:topics\n")
        #expect(run.stdout == "(unnamed source) (2 passages without an expert)\n(unnamed source) (2 passages without an expert)\n")
    }

    @Test func aFirstNameSharedByTwoExpertsAsksWhichOne() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["ask", "sanctions", "--expert", "Alexander", "--no-log"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("“Alexander” could be Alexander Gabuev or Alexander Baunov; give the surname or full name"))
        let dmitri = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "What about the treaty?", "--expert", "Dmitri", "--json", "--no-log"]))
        #expect(dmitri.citations.allSatisfy { $0.expert == "Dmitri Trenin" })
    }
}
