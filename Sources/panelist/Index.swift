import ArgumentParser
import Bundled
import Corpus
import Encoder
import Foundation
import LLM
import Rendering
import Store

extension Panelist {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a corpus from interview text, Markdown or JSON Lines files and folders.",
            discussion: """
                panelist index PATH… --name NAME builds the named corpus NAME in $XDG_DATA_HOME/panelist/corpora (use it \
                with --corpus NAME; list them with panelist corpora); --store FILE writes a store file anywhere instead. \
                With no paths, rebuilds the default corpus from the bundled interviews. The store is written to a temporary \
                file and renamed into place, so an interrupted build leaves the previous store intact.
                """)

        @Argument(help: "Files and folders to index (.txt, .md, .jsonl, .jsonl.gz).")
        var paths: [String] = []

        @Option(help: ArgumentHelp("Build the named corpus NAME (replacing an older build of it).", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Write the store to this file instead of a named corpus.", valueName: "file"))
        var store: String?

        @Flag(help: "Report progress on standard error (the default when it is a terminal).")
        var progress = false

        @Option(help: ArgumentHelp(
            "Passage vectors for matching by meaning: auto (for corpora of up to \(SemanticIndexing.automaticLimit) passages), on, or off.",
            valueName: "mode"))
        var semantic: SemanticIndexing.Mode = .auto

        @Option(help: ArgumentHelp(
            "An OpenAI-compatible server whose /v1/embeddings makes the vectors instead of the built-in encoder, for any corpus size (its key: $PANELIST_EMBEDDINGS_API_KEY).",
            valueName: "url"))
        var embeddings: String?

        @Option(name: .customLong("embeddings-model"), help: ArgumentHelp("The model asked of the --embeddings server.", valueName: "name"))
        var embeddingsModel = LLMSettings.defaultModel

        @OptionGroup var encoderOptions: EncoderOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if embeddings != nil && semantic == .off { throw ValidationError("Give --embeddings URL or --semantic off, not both") }
            if name != nil && store != nil { throw ValidationError("Give --name NAME or --store FILE, not both") }
            if let name {
                try CorpusCatalog.check(name)
                if name == CorpusCatalog.defaultName && !paths.isEmpty {
                    throw ValidationError("'default' is the bundled corpus and is built only from it; choose another name, e.g. --name \(Self.suggestedName(paths))")
                }
            }
            if let name, name != CorpusCatalog.defaultName, paths.isEmpty {
                throw ValidationError("Give the files or folders to build corpus \(name) from: panelist index PATH… --name \(name)")
            }
            if name == nil && store == nil && !paths.isEmpty {
                throw ValidationError("Without --name or --store this would replace the default corpus; give it a name: panelist index \(paths.joined(separator: " ")) --name \(Self.suggestedName(paths))")
            }
        }

        /// A corpus name made from the first path's file name ("notes" for ~/notes.md).
        static func suggestedName(_ paths: [String]) -> String {
            let base = URL(fileURLWithPath: paths.first ?? "corpus").deletingPathExtension().lastPathComponent
            let cleaned = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
            return cleaned.isEmpty ? "mine" : cleaned
        }

        func run() throws {
            let started = Date()
            let catalog = CorpusCatalog()
            let path = store ?? catalog.path(of: name ?? CorpusCatalog.defaultName)
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
                summary = try StoreBuilder(lexicon: BundledCorpus.lexiconSource())
                    .build(corpus, at: path, origin: urls.map(\.path).joined(separator: "\n"), semantic: semanticIndexing,
                           progress: reporter.map { line in { line.show($0) } })
                reporter?.finish()
                documents = corpus.files.count
            }
            let seconds = Date().timeIntervalSince(started)
            let target = name.map { "corpus \($0) (\(path))" } ?? path
            print("Indexed \(counted(documents, "document")): \(counted(summary.experts, "expert")), \(counted(summary.passages, "passage")), \(counted(summary.terms, "term")), \(counted(summary.expansions, "expansion"))\(withoutEncoder.map { " (no vectors: \($0))" } ?? Self.describe(summary.vectors)) in \(String(format: "%.2f", seconds)) s → \(target)")
        }

        /// The vectors asked for: the built-in encoder unless `--semantic off`. With `auto`, a missing
        /// model means a store by words only, and why (said in the summary); with `on`, an error.
        func semanticIndexing() throws -> (SemanticIndexing, withoutEncoder: String?) {
            guard semantic != .off else { return (SemanticIndexing(mode: .off, embedder: nil), nil) }
            if let embeddings {
                let key = ProcessInfo.processInfo.environment[EmbeddingsClient.keyVariable].flatMap { $0.isEmpty ? nil : $0 }
                let client = try EmbeddingsClient(settings: LLMSettings(baseURL: embeddings, model: embeddingsModel, apiKey: key))
                return (SemanticIndexing(mode: .on, embedder: client), nil)
            }
            switch EncoderAvailability.load(encoderOptions.files) {
            case .available(let encoder):
                return (SemanticIndexing(mode: semantic, embedder: encoder), nil)
            case .unavailable(let error):
                if semantic == .on { throw error }
                return (SemanticIndexing(mode: .off, embedder: nil), error.message)
            }
        }

        static func describe(_ vectors: SemanticIndexing.Outcome) -> String {
            switch vectors {
            case .made(let count, _): return ", \(counted(count, "vector"))"
            case .skippedAsTooLarge(let passages):
                return " (no vectors: \(passages) passages is more than --semantic auto embeds, \(SemanticIndexing.automaticLimit); pass --semantic on to embed them)"
            case .notRequested: return ""
            }
        }
    }
}

extension SemanticIndexing.Mode: ExpressibleByArgument {}
