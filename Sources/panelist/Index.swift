import ArgumentParser
import Bundled
import Corpus
import Foundation
import Store

extension Panelist {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a store from interview text, Markdown or JSON Lines files and folders.",
            discussion: "With no paths, rebuilds the default store from the bundled corpus. The store is written to a temporary file and renamed into place, so an interrupted build leaves the previous store intact.")

        @Argument(help: "Files and folders to index (.txt, .md, .jsonl, .jsonl.gz).")
        var paths: [String] = []

        @Flag(help: "Report progress on standard error (the default when it is a terminal).")
        var progress = false

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let started = Date()
            let defaultStore = DefaultStore()
            let path = storeOptions.store ?? defaultStore.path
            let summary: StoreBuilder.Summary
            let documents: Int
            if paths.isEmpty {
                summary = try DefaultStore(path: path).rebuildFromBundledCorpus()
                documents = 1
            } else {
                let urls = paths.map { URL(fileURLWithPath: $0) }
                let corpus = try DocumentStream(paths: urls)
                let reporter = progress || isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
                summary = try StoreBuilder(lexicon: BundledCorpus.lexicon())
                    .build(corpus, at: path, origin: urls.map(\.path).joined(separator: "\n"), progress: reporter.map { line in { line.show($0) } })
                reporter?.finish()
                documents = corpus.files.count
            }
            let seconds = Date().timeIntervalSince(started)
            print("Indexed \(documents) document\(documents == 1 ? "" : "s"): \(summary.experts) experts, \(summary.passages) passages, \(summary.terms) terms, \(summary.expansions) expansions in \(String(format: "%.2f", seconds)) s → \(path)")
        }
    }
}
