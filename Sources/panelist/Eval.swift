import Answering
import ArgumentParser
import Evaluation
import Foundation

extension Panelist {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure retrieval on a question set (JSON Lines, the format of docs/eval/dev.jsonl).")

        @Argument(help: "The question set.")
        var file: String

        @Flag(help: "Print the figures as JSON.")
        var json = false

        @Flag(help: "Run the set once with every technique, then with each switched off in turn, and print one row each.")
        var compare = false

        @OptionGroup var storeOptions: StoreOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            let items = try EvalItem.load(from: URL(fileURLWithPath: file))
            if compare {
                let (store, encoder) = try storeOptions.openWithEncoder()
                print(Ablation.table(try Ablation.run(items, store: store, embedder: encoder?.embedder)), terminator: "")
                return
            }
            let report = try Evaluator(answerer: Answerer(retriever: storeOptions.retriever())).run(items)
            if json {
                try Output.printJSON(ReportRenderer.json(report))
            } else {
                print(ReportRenderer.table(report), terminator: "")
            }
        }
    }
}
