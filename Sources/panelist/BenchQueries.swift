import Answering
import ArgumentParser
import Evaluation
import Foundation

extension Panelist {
    struct BenchQueries: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-queries",
            abstract: "Time searches of a query file in one process and print JSON (used by scripts/benchmark.py).",
            shouldDisplay: false)

        @Argument(help: "Queries, JSON Lines with \"qid\" and \"query\".")
        var file: String

        @Option(name: .customLong("k"), help: "How many passages each query returns.")
        var k = 10

        @OptionGroup var matching: MatchingOptions

        @OptionGroup var storeOptions: StoreOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            let retriever = try storeOptions.retriever(settings: matching.settings)
            try Output.printJSON(QueryTiming.run(QueryTiming.load(from: URL(fileURLWithPath: file)), retriever: retriever, k: k))
        }
    }
}
