import ArgumentParser
import Bundled
import Store

/// The `--store` option shared by the commands that read a store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file to use (default: the bundled corpus's store).", valueName: "file"))
    var store: String?

    /// The named store, or the default one built from the bundled corpus.
    func open() throws -> PassageStore {
        if let store { return try PassageStore(path: store) }
        return try DefaultStore().open().store
    }
}
