import ArgumentParser
import Bundled
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

    /// What the corpus is called in the chat, `corpora` and the conversation log: its name, or the store's path.
    var label: String { store ?? corpus ?? CorpusCatalog.defaultName }

    /// The chosen store: a store file, a named corpus, or the default one built from the bundled corpus.
    func open() throws -> PassageStore {
        try Self.open(store: store, corpus: corpus)
    }

    /// The store of `--store store` or `--corpus corpus` (`:corpus` in the chat), or the default one.
    static func open(store: String?, corpus: String?) throws -> PassageStore {
        if let store { return try PassageStore(path: store) }
        let catalog = CorpusCatalog()
        guard let corpus, corpus != CorpusCatalog.defaultName else { return try catalog.defaultStore.open().store }
        // A named corpus is rebuilt by name, where it is looked for, not as a store file.
        return try PassageStore(path: catalog.existing(corpus), rebuildCommand: "panelist index PATH… --name \(corpus)")
    }
}
