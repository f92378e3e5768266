import ArgumentParser
import Bundled
import Corpus
import Encoder
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

        @Option(help: ArgumentHelp(
            "Passage vectors for matching by meaning: auto (for corpora of up to \(SemanticIndexing.automaticLimit) passages), on, or off.",
            valueName: "mode"))
        var semantic: SemanticIndexing.Mode = .auto

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            let started = Date()
            let path = storeOptions.store ?? DefaultStore().path
            let (semanticIndexing, withoutEncoder) = try self.semanticIndexing()
            let summary: StoreBuilder.Summary
            let documents: Int
            if paths.isEmpty {
                summary = try DefaultStore(path: path).rebuildFromBundledCorpus(embedder: semanticIndexing.embedder)
                documents = 1
            } else {
                let urls = paths.map { URL(fileURLWithPath: $0) }
                let corpus = try DocumentStream(paths: urls)
                let reporter = progress || isatty(STDERR_FILENO) != 0 ? ProgressLine() : nil
                summary = try StoreBuilder(lexicon: BundledCorpus.lexicon())
                    .build(corpus, at: path, origin: urls.map(\.path).joined(separator: "\n"), semantic: semanticIndexing,
                           progress: reporter.map { line in { line.show($0) } })
                reporter?.finish()
                documents = corpus.files.count
            }
            let seconds = Date().timeIntervalSince(started)
            print("Indexed \(documents) document\(documents == 1 ? "" : "s"): \(summary.experts) experts, \(summary.passages) passages, \(summary.terms) terms, \(summary.expansions) expansions\(withoutEncoder.map { " (no vectors: \($0))" } ?? Self.describe(summary.vectors)) in \(String(format: "%.2f", seconds)) s → \(path)")
        }

        /// The vectors asked for: the built-in encoder unless `--semantic off`. With `auto`, a missing
        /// model means a store by words only, and why (said in the summary); with `on`, an error.
        func semanticIndexing() throws -> (SemanticIndexing, withoutEncoder: String?) {
            guard semantic != .off else { return (SemanticIndexing(mode: .off, embedder: nil), nil) }
            switch EncoderAvailability.load(storeOptions.encoderOptions.files) {
            case .available(let encoder):
                return (SemanticIndexing(mode: semantic, embedder: encoder), nil)
            case .unavailable(let error):
                if semantic == .on { throw error }
                return (SemanticIndexing(mode: .off, embedder: nil), error.message)
            }
        }

        static func describe(_ vectors: SemanticIndexing.Outcome) -> String {
            switch vectors {
            case .made(let count, _): return ", \(count) vectors"
            case .skippedAsTooLarge(let passages):
                return " (no vectors: \(passages) passages is more than --semantic auto embeds, \(SemanticIndexing.automaticLimit); pass --semantic on to embed them)"
            case .notRequested: return ""
            }
        }
    }
}

extension SemanticIndexing.Mode: ExpressibleByArgument {}
