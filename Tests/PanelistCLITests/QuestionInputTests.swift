import Foundation
import Testing

/// The question of `ask` and `search` as one argument, several words, or standard input.
@Suite struct QuestionInputTests {
    static let question = "What does the Kremlin think of Trump?"

    func answer(_ arguments: [String], input: String = "") throws -> AskJSON {
        let run = try PanelistBinary().run(arguments + ["--json", "--no-log"], input: input)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try PanelistBinary.decode(AskJSON.self, from: run)
    }

    @Test func askTakesOneArgumentSeveralWordsOrStandardInput() throws {
        let single = try answer(["ask", Self.question])
        #expect(!single.abstained)
        let words = try answer(["ask"] + Self.question.split(separator: " ").map(String.init))
        let piped = try answer(["ask"], input: Self.question + "\n")
        let dash = try answer(["ask", "-"], input: Self.question + "\n")
        for other in [words, piped, dash] {
            #expect(other.question == Self.question)
            #expect(other.answer == single.answer)
        }
    }

    @Test func searchReadsTheQueryFromStandardInputToo() throws {
        let binary = try PanelistBinary()
        let argument = try binary.run(["search", "sanctions relief", "--json"])
        let piped = try binary.run(["search", "--json"], input: "sanctions relief\n")
        let dash = try binary.run(["search", "-", "--json"], input: "sanctions relief")
        #expect(argument.status == 0)
        #expect(piped.stdout == argument.stdout)
        #expect(dash.stdout == argument.stdout)
    }

    @Test func aQuestionStartingWithADashIsNotTakenForShortFlags() throws {
        // "-5% growth: …" holds the letters of -c and -h; it is still the question.
        let question = "-5% growth: what do sanctions do to the economy?"
        for arguments in [["ask", question, "-c", "--no-log"], ["ask", "-c", question], ["search", question]] {
            let run = try PanelistBinary().run(arguments + ["--json"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout.contains("\"\(question)\""))
        }
    }

    @Test func emptyStandardInputIsAOneLineError() throws {
        let run = try PanelistBinary().run(["ask"], input: "\n  \n")
        #expect(run.status != 0)
        #expect(run.stderr.contains("Standard input held no question"))
    }

    @Test func helpDescribesTheWaysToGiveAQuestion() throws {
        let help = try PanelistBinary().run(["ask", "--help"]).stdout
        #expect(help.contains("standard input"))
        #expect(help.contains("--continue"))
        #expect(help.contains("--format"))
    }
}
