import Answering
import ArgumentParser
import Foundation
import Rendering
import Service

extension Panelist {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the passages that best match a query, ranked.",
            discussion: "The query is one argument, several words, or standard input (- or a pipe).")

        @OptionGroup var words: QuestionWords


        @OptionGroup var selection: SelectionOptions

        @Flag(help: "Print JSON: {\"query\", \"passages\": [...]}.")
        var json = false

        @Flag(help: "Show which terms matched and what each contributed.")
        var explain = false

        @OptionGroup var matching: MatchingOptions

        @OptionGroup var output: OutputOptions
        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let text = try words.text()
            let retriever = try storeOptions.retriever(settings: matching.settings)
            let result = try SearchRequest(query: text, k: selection.k, expert: selection.expert, explain: explain).result(on: retriever)
            if json {
                try Output.printJSON(SearchOutput(query: text, result: result, explained: explain))
            } else {
                print(PassageListRenderer(explain: explain).render(result), terminator: "")
            }
        }
    }
}
