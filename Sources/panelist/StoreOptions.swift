import Answering
import ArgumentParser
import Bundled
import Encoder
import Foundation
import Retrieval
import Store

/// The `--store` option shared by the commands that read a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file to use (default: the bundled corpus's store).", valueName: "file"))
    var store: String?

    /// How to call the store's corpus in the chat's welcome line.
    func corpusName(of store: PassageStore) -> String {
        if store.origin == StoreMeta.bundledOrigin { return BundledCorpus.fileName }
        let sources = store.origin.split(separator: "\n").map { String($0.split(separator: "/").last ?? $0) }
        return sources.isEmpty ? (self.store ?? "store") : sources.joined(separator: ", ")
    }

    @OptionGroup var encoderOptions: EncoderOptions

    /// The named store, or the default one built from the bundled corpus (with vectors when the
    /// sentence encoder is available).
    func open() throws -> PassageStore {
        try openWithEncoder().store
    }

    /// The store and, when it has vectors (or is the default store), the sentence encoder or why it is missing.
    func openWithEncoder() throws -> (store: PassageStore, encoder: EncoderAvailability?) {
        if let store {
            let opened = try PassageStore(path: store)
            return (opened, opened.vectorEncoder == nil ? nil : EncoderAvailability.load(encoderOptions.files))
        }
        let encoder = EncoderAvailability.load(encoderOptions.files)
        return (try DefaultStore().open(embedder: encoder.encoder).store, encoder)
    }

    /// A retriever over the store, matching by meaning when it has vectors and the encoder that made
    /// them is at hand; otherwise by words, saying why on standard error when it matters.
    func retriever(settings: RetrievalSettings = RetrievalSettings(), scorer: Scorer = Scorer()) throws -> Retriever {
        let (store, encoder) = try openWithEncoder()
        let retriever = try Retriever(store: store, scorer: scorer, settings: settings, embedder: encoder?.encoder, embedderNotice: encoder?.notice)
        if let notice = retriever.meaningNotice {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
        }
        return retriever
    }
}
