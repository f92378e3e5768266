import ArgumentParser
import Bundled
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

    /// The named store, or the default one built from the bundled corpus.
    func open() throws -> PassageStore {
        if let store { return try PassageStore(path: store) }
        return try DefaultStore().open().store
    }
}
