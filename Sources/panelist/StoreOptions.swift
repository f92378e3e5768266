import Answering
import ArgumentParser
import Bundled
import Encoder
import Foundation
import LLM
import Retrieval
import Search
import Store

/// `--corpus` and `--store`, shared by the commands that read a store.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corpus to use: 'default' (the bundled one) or a name given to `panelist index --name` (see `panelist corpora`).", valueName: "name"))
    var corpus: String?

    @Option(name: .long, help: ArgumentHelp("The store file to use instead of a named corpus.", valueName: "file"))
    var store: String?

    func validate() throws {
        if corpus != nil && store != nil { throw ValidationError("Give --corpus NAME or --store FILE, not both") }
        if let corpus { try CorpusCatalog.check(corpus) }
    }

    @OptionGroup var encoderOptions: EncoderOptions

    /// What the corpus is called in the chat, `corpora` and the conversation log: its name, or the store's path.
    var label: String { store ?? corpus ?? CorpusCatalog.defaultName }

    /// The chosen store: a store file, a named corpus, or the default one built from the bundled corpus.
    func open() throws -> PassageStore {
        try openWithEncoder().store
    }

    /// The chosen store and, when it has vectors (or is the default store), the sentence encoder or why it is missing.
    func openWithEncoder() throws -> (store: PassageStore, encoder: MeaningSource?) {
        try Self.open(store: store, corpus: corpus, model: encoderOptions.files)
    }

    /// The store of `--store store` or `--corpus corpus` (`:corpus` in the chat), or the default one,
    /// which is built with vectors when the encoder in `model` is available.
    static func open(store: String?, corpus: String?, model: ModelFiles) throws -> (store: PassageStore, encoder: MeaningSource?) {
        func withEncoder(_ opened: PassageStore) -> (store: PassageStore, encoder: MeaningSource?) {
            (opened, MeaningSource.forVectors(opened.vectorEncoder, model: model))
        }
        if let store { return withEncoder(try PassageStore(path: store)) }
        let catalog = CorpusCatalog()
        guard let corpus, corpus != CorpusCatalog.defaultName else {
            let encoder = EncoderAvailability.load(model, singleThreaded: true)
            return (try catalog.defaultStore.open(embedder: encoder.encoder).store, MeaningSource(encoder))
        }
        // A named corpus is rebuilt by name, where it is looked for, not as a store file.
        return withEncoder(try PassageStore(path: catalog.existing(corpus), rebuildCommand: "panelist index PATH… --name \(corpus)"))
    }

    /// A retriever over the chosen store.
    func retriever(settings: RetrievalSettings = RetrievalSettings(), scorer: Scorer = Scorer()) throws -> Retriever {
        try Self.retriever(openWithEncoder(), settings: settings, scorer: scorer)
    }

    /// A retriever over `opened`, matching by meaning when the store has vectors and the encoder that
    /// made them is at hand; otherwise by words, saying why on standard error when it matters.
    static func retriever(_ opened: (store: PassageStore, encoder: MeaningSource?), settings: RetrievalSettings = RetrievalSettings(),
                          scorer: Scorer = Scorer()) throws -> Retriever {
        let retriever = try Retriever(store: opened.store, scorer: scorer, settings: settings, embedder: opened.encoder?.embedder,
                                      embedderNotice: opened.encoder?.notice)
        if let notice = retriever.meaningNotice {
            FileHandle.standardError.write(Data((notice + "\n").utf8))
        }
        return retriever
    }
}
