import Foundation
import Testing

/// `--color`, `--no-sources` and `ask --format`.
@Suite struct OutputOptionsTests {
    static let question = "Why is Putin so eager to court Trump?"

    @Test func colorIsAcceptedByEveryCommand() throws {
        let paths = try InstallationTests.commandsAndOptions().paths
        #expect(paths.count >= 14)
        // `serve` and `mcp` hand their options to panelist-server, whose output is JSON logs and protocol.
        for path in paths where path.first != "serve" && path.first != "mcp" {
            let help = try PanelistBinary().run(path + ["--help"]).stdout
            #expect(help.contains("--color <when>"), "\(path) has no --color")
        }
    }

    @Test func colorAlwaysColoursAndNeverOrNoColorDoNot() throws {
        let binary = try PanelistBinary()
        let always = try binary.run(["ask", Self.question, "--color", "always", "--no-log"])
        #expect(always.stdout.contains("\u{1B}[36m[1]\u{1B}[0m"))
        let never = try binary.run(["ask", Self.question, "--color", "never", "--no-log"])
        #expect(!never.stdout.contains("\u{1B}"))
        // Piped output has no colour on auto, NO_COLOR or not.
        let auto = try binary.run(["ask", Self.question, "--no-log"], environment: ["NO_COLOR": ""])
        #expect(!auto.stdout.contains("\u{1B}"))
        let chat = try binary.run(["chat", "--color", "always", "--no-log"], input: Self.question + "\n")
        #expect(chat.stdout.contains("\u{1B}[1mSources:"))
        let bad = try binary.run(["ask", Self.question, "--color", "sometimes"])
        #expect(bad.status != 0)
    }

    @Test func noSourcesLeavesOutTheSourceList() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["ask", Self.question, "--no-sources", "--no-log"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("[1]"))
        #expect(!run.stdout.contains("Sources:"))
        #expect(!run.stdout.contains("Dmitri Trenin —"))
        let chat = try binary.run(["chat", "--no-sources", "--no-log"], input: Self.question + "\n")
        #expect(!chat.stdout.contains("Sources:"))
    }

    @Test func markdownRendersCitationsAsFootnotes() throws {
        let binary = try PanelistBinary()
        let json = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", Self.question, "--json", "--no-log"]))
        let markdown = try binary.run(["ask", Self.question, "--format", "markdown", "--no-log"]).stdout
        #expect(markdown.contains("[^1]"))
        #expect(!markdown.contains(" [1]"))
        for citation in json.citations {
            #expect(markdown.contains("\n[^\(citation.n)]: \(citation.expert) — \(citation.role)"))
        }
        let formatJSON = try binary.run(["ask", Self.question, "--format", "json", "--no-log"])
        #expect(try PanelistBinary.decode(AskJSON.self, from: formatJSON).answer == json.answer)
        let bare = try binary.run(["ask", Self.question, "--format", "markdown", "--no-sources", "--no-log"]).stdout
        #expect(!bare.contains("[^"))
    }
}
