import Answering
import ArgumentParser
import Foundation

extension Panelist {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the passages that best match a query, ranked.")

        @Argument(help: "The query.")
        var query: String

        @Option(name: .customLong("k"), help: "How many passages to list.")
        var k = 5

        @Option(help: ArgumentHelp("Only this expert's passages (full name or surname).", valueName: "name"))
        var expert: String?

        @Flag(help: "Print JSON: {\"query\", \"passages\": [...]}.")
        var json = false

        @Flag(help: "Show which terms matched and what each contributed.")
        var explain = false

        @Flag(help: "Search only the words typed: no synonyms, aliases or spelling corrections.")
        var literal = false

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            guard (1...100).contains(k) else { throw ValidationError("--k must be between 1 and 100") }
        }

        func run() throws {
            var settings = RetrievalSettings()
            if literal {
                settings.lexicalExpansion = false
                settings.typoTolerance = false
            }
            let retriever = try Retriever(store: storeOptions.open(), settings: settings)
            let query = try retriever.query(for: query)
            let result = try retriever.search(query, k: k, expert: expert.map(retriever.expert(named:)), explain: explain)
            if json {
                try Output.printJSON(SearchOutput(query: self.query, result: result, explained: explain))
            } else {
                print(PassageListRenderer(explain: explain).render(result), terminator: "")
            }
        }
    }
}
