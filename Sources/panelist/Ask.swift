import Answering
import ArgumentParser

extension Panelist {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question from the corpus, citing the experts (offline).")

        @Argument(help: "The question.")
        var question: String

        @Option(name: .customLong("k"), help: "How many passages to draw the answer from.")
        var k = 5

        @Option(help: ArgumentHelp("Only this expert's passages (full name or surname).", valueName: "name"))
        var expert: String?

        @Flag(help: "Print one JSON object: question, answer, abstained, mode, citations, passages, notice.")
        var json = false

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard (1...50).contains(k) else { throw ValidationError("--k must be between 1 and 50") }
        }

        func run() throws {
            let answerer = Answerer(retriever: try Retriever(store: storeOptions.open()))
            let answer = try answerer.answer(question, options: AnswerOptions(k: k, expert: expert))
            if json {
                try Output.printJSON(AnswerOutput(answer))
            } else {
                print(AnswerRenderer().render(answer), terminator: "")
            }
        }
    }
}
