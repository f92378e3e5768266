import Foundation
import Testing

/// The kinds of answer issue 15 asks for, through the real binary on the bundled corpus: questions
/// about the experts, comparisons, yes/no replies, follow-ups that continue, and the graded answer set.
@Suite struct AnswerKindsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func ask(_ question: String) throws -> AskJSON {
        let run = try PanelistBinary().run(["ask", question, "--json", "--no-log"])
        #expect(run.status == 0, "\(run.stderr)")
        return try PanelistBinary.decode(AskJSON.self, from: run)
    }

    /// The JSON objects a piped chat prints for `lines`, one per question.
    func chat(_ lines: [String]) throws -> [AskJSON] {
        let run = try PanelistBinary().run(["chat", "--json", "--no-log"], input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        return try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(AskJSON.self, from: Data($0.utf8)) }
    }

    @Test func questionsAboutTheExpertsAreAnsweredFromTheRoster() throws {
        let trenin = try ask("Who is Dmitri Trenin?")
        #expect(!trenin.abstained)
        #expect(trenin.answer.contains("Dmitri Trenin — director of the Carnegie Moscow Center"))
        #expect(trenin.citations.map(\.expert) == ["Dmitri Trenin"])
        #expect(try ask("Who runs the Carnegie Moscow Center?").citations.map(\.expert) == ["Dmitri Trenin"])
        #expect(try ask("What is Baunov's role?").answer.contains("editor in chief"))
        #expect(Set(try ask("Who are the experts?").citations.map(\.expert)) == ["Dmitri Trenin", "Alexander Gabuev", "Alexander Baunov"])
        #expect(try ask("Who runs the Brookings Institution?").abstained)
    }

    @Test func comparisonsPutEachExpertsPositionSideBySide() throws {
        let sanctions = try ask("Do Trenin and Gabuev agree about sanctions?")
        #expect(!sanctions.abstained)
        #expect(Set(sanctions.citations.map(\.expert)) == ["Dmitri Trenin", "Alexander Gabuev"])
        #expect(sanctions.answer.contains("Dmitri Trenin: ") && sanctions.answer.contains("Alexander Gabuev: "))
        #expect(sanctions.notice?.contains("side by side") == true)
        let terrorism = try ask("What do Baunov and Gabuev think about terrorism?")
        #expect(terrorism.citations.map(\.expert) == ["Alexander Baunov"])
        #expect(terrorism.answer.contains("Alexander Gabuev: did not address this in this corpus."))
        #expect(try ask("Do Trenin and Gabuev agree about Venezuela?").abstained)
    }

    @Test func moreStaysOnTheTopicAndEndsInsteadOfDrifting() throws {
        let turns = try chat(["What does the Kremlin think of Trump?", "more", "more", "more", "more"])
        #expect(turns[1...2].allSatisfy { $0.citations.map(\.expert).allSatisfy { $0 == "Dmitri Trenin" } }, "the topic's own passages go on")
        #expect(turns[0...2].contains { $0.answer.contains("self-centered") }, "the Kremlin’s view of Trump, in the answer or what follows it")
        let last = try #require(turns.last)
        #expect(last.abstained && last.answer == "That is all the corpus has on “What does the Kremlin think of Trump?”.")
        #expect(!turns.flatMap(\.citations).contains { $0.question == "How does the Kremlin think about China?" }, "no drift to another topic")
    }

    @Test func aYesNoAnswerKeepsTheExpertsOwnReply() throws {
        let answer = try ask("Is Russia pleased that the United States will be blamed for the treaty's collapse?")
        #expect(answer.answer.hasPrefix("Yes. [1] "))
    }

    @Test func moreAndWhyContinueWithoutRepeatingAndAnotherExpertIsAskedOnTheSameTopic() throws {
        let turns = try chat(["Why is the Ukraine crisis heating up again?", "why?", "more", "tell me more", "and what did Trenin say?"])
        #expect(turns.count == 5)
        let quoted = turns.prefix(4).flatMap { $0.citations.map(\.quote) }
        #expect(!quoted.isEmpty && Set(quoted).count == quoted.count, "no sentence is shown twice")
        #expect(turns[1...3].allSatisfy { !$0.abstained && $0.notice?.hasPrefix("more on “Why is the Ukraine crisis heating up again?”") == true })
        #expect(turns[4].abstained)
        #expect(turns[4].notice == "declined: Dmitri Trenin did not address this topic")
        let gabuev = try chat(["What does Baunov say about Iran?", "and what did Gabuev say?"])
        #expect(gabuev[1].citations.map(\.expert).allSatisfy { $0 == "Alexander Gabuev" } && !gabuev[1].abstained)
        #expect(gabuev[1].notice == "restricted to Alexander Gabuev, on the previous topic")
    }

    @Test func aRefusalSaysWhichRestrictionWasActiveAndWhoElseAnswered() throws {
        let run = try PanelistBinary().run(["ask", "subsidies for industries", "--expert", "Baunov", "--json", "--no-log"])
        let answer = try PanelistBinary.decode(AskJSON.self, from: run)
        #expect(answer.abstained)
        #expect(answer.notice?.hasPrefix("declined: no passage of Alexander Baunov ") == true)
        #expect(answer.notice?.hasSuffix("; only Alexander Baunov was searched — Alexander Gabuev addressed it") == true, "\(answer.notice ?? "")")
        let text = try PanelistBinary().run(["ask", "Why is Putin so eager to court Trump?", "--no-log"]).stdout
        let sources = text.components(separatedBy: "Sources:\n").last?.split(separator: "\n").filter { $0.hasPrefix("[") } ?? []
        #expect(sources.count == Set(sources.map { $0.drop { $0 != " " } }).count, "no two source lines alike")
    }

    /// A store of a Markdown panel on trade: `sections` (each `## Name, role` with its questions) after the title.
    func panel(_ binary: PanelistBinary, _ sections: String) throws -> (store: String, index: PanelistBinary.Run) {
        let file = binary.home.appendingPathComponent("panel.md")
        try ("# Panel on trade\n\n" + sections).write(to: file, atomically: true, encoding: .utf8)
        let store = binary.home.appendingPathComponent("panel.sqlite").path
        return (store, try binary.run(["index", file.path, "--store", store]))
    }

    @Test func aMarkdownFileWithTwoExpertsIsComparedSideBySide() throws {
        let binary = try PanelistBinary()
        let (store, index) = try panel(binary, """
            ## Jane Roe, trade analyst at the Example Institute

            ### What about tariffs?

            Tariffs are taxes on imports paid by importers.

            ## John Doe, economist at the Sample University

            ### What about tariffs?

            No, not yet. Tariffs have not raised prices so far.

            ## Russia, China and the US

            They trade a lot with each other.
            """)
        #expect(index.stdout.contains("2 experts, 3 passages"))
        let run = try binary.run(["ask", "Do Roe and Doe agree about tariffs?", "--store", store, "--json", "--no-log"])
        let answer = try PanelistBinary.decode(AskJSON.self, from: run)
        #expect(Set(answer.citations.map(\.expert)) == ["Jane Roe", "John Doe"])
        #expect(answer.citations.map(\.role).contains("economist at the Sample University"))
        #expect(answer.citations.allSatisfy { $0.question == "What about tariffs?" })
    }

    @Test func anOpenQuestionTwoExpertsAnswerAlikeShowsBothPositions() throws {
        let binary = try PanelistBinary()
        let (store, index) = try panel(binary, """
            ## Jane Roe, trade analyst at the Example Institute

            ### Have tariffs raised prices?

            Yes. Tariffs have raised consumer prices, because importers pass the cost on.

            ### Who pays a tariff?

            The importer pays the tariff at the border, in cash, before the goods are released.

            ## John Doe, economist at the Sample University

            ### Have tariffs raised prices?

            No, not yet. Tariffs have not raised consumer prices so far.
            """)
        #expect(index.status == 0)
        let run = try binary.run(["ask", "Have tariffs raised consumer prices?", "--store", store, "--no-log"])
        #expect(run.stdout.contains("Jane Roe: Yes."), "\(run.stdout)")
        #expect(run.stdout.contains("John Doe: No, not yet."), "\(run.stdout)")
        #expect(run.stdout.contains("(several experts answered this; their positions side by side)"))
        let alone = try PanelistBinary.decode(AskJSON.self, from: binary.run(["ask", "Who pays the tariff at the border?", "--store", store, "--json", "--no-log"]))
        #expect(Set(alone.citations.map(\.expert)) == ["Jane Roe"], "one expert stands out: one position")
        #expect(alone.notice == nil)
    }

    @Test func theGradedAnswerSetPasses() throws {
        struct EvalJSON: Decodable {
            struct Overall: Decodable { var answers: Double?, cites_gold: Double, quotes_gold: Double }
            struct Item: Decodable { var quotes_gold: Bool }
            var overall: Overall
            var items: [Item]
        }
        let binary = try PanelistBinary()
        let run = try binary.run(["eval", Self.repository.appendingPathComponent("docs/eval/answers.jsonl").path, "--json"], environment: MeaningTests.model(binary))
        #expect(run.status == 0, "\(run.stderr)")
        let report = try PanelistBinary.decode(EvalJSON.self, from: run)
        #expect(report.overall.answers ?? 0 >= 0.9)
        // The answers' own sentences hold the gold phrases, not only the passages they cite.
        #expect(report.overall.quotes_gold >= 0.9)
        #expect(report.items.count == 60 && Double(report.items.filter(\.quotes_gold).count) / 49 == report.overall.quotes_gold, "49 in scope")
    }
}
