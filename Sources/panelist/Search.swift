import Answering
import ArgumentParser
import Foundation
import Service

extension Panelist {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the passages that best match a query, ranked.")

        @OptionGroup var words: QuestionWords


        @OptionGroup var selection: SelectionOptions

        @Flag(help: "Print JSON: {\"query\", \"passages\": [...]}.")
        var json = false

        @Flag(help: "Show which terms matched and what each contributed.")
        var explain = false

        @OptionGroup var matching: MatchingOptions

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let retriever = try Retriever(store: storeOptions.open(), settings: matching.settings)
            let result = try SearchRequest(query: words.text, k: selection.k, expert: selection.expert, explain: explain).result(on: retriever)
            if json {
                try Output.printJSON(SearchOutput(query: words.text, result: result, explained: explain))
            } else {
                print(PassageListRenderer(explain: explain).render(result), terminator: "")
            }
        }
    }
}
