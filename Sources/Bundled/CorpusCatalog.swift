import Corpus
import Foundation
import Store

/// The named corpora: stores that `panelist index … --name NAME` builds in the data folder
/// (`$XDG_DATA_HOME/panelist/corpora/NAME.sqlite`), chosen with `--corpus NAME` or `:corpus NAME`.
///
/// `default` is the bundled corpus's store (`DefaultStore`); it is never built from other files, so
/// an `index` meant for another corpus cannot replace it.
public struct CorpusCatalog: Sendable {
    /// The folder the named corpora are kept in.
    public let folder: String
    /// Where the `default` corpus is.
    public let defaultStore: DefaultStore

    /// The name of the bundled corpus's store.
    public static let defaultName = "default"

    public init(dataFolder: DataFolder = DataFolder(), defaultStore: DefaultStore = DefaultStore()) {
        folder = dataFolder.file("corpora")
        self.defaultStore = defaultStore
    }

    /// One corpus, as `panelist corpora` lists it.
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var experts: Int
        public var passages: Int
        /// The store file's size in bytes.
        public var bytes: Int64
        /// When the store was written.
        public var built: Date
        /// What it was built from: the paths indexed, or the bundled corpus's file name.
        public var source: [String]
        public var path: String
    }

    /// Checks that `name` can name a corpus file: letters, digits, "-", "_" and ".", not starting with ".".
    ///
    /// - Throws: `CorpusCatalogError` saying what a name may hold.
    public static func check(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !name.isEmpty, name.count <= 64, allowed, !name.hasPrefix(".") else {
            throw CorpusCatalogError("'\(name)' cannot name a corpus; use letters, digits, '-', '_' or '.' (up to 64, not starting with '.')")
        }
    }

    /// The store file of corpus `name` (which may not exist).
    public func path(of name: String) -> String {
        name == Self.defaultName ? defaultStore.path : folder + "/" + name + ".sqlite"
    }

    /// The store file of an existing corpus `name`.
    ///
    /// - Throws: `CorpusCatalogError` naming the corpora there are when there is no such corpus.
    public func existing(_ name: String) throws -> String {
        try Self.check(name)
        let path = path(of: name)
        guard name == Self.defaultName || StoreFile(at: path) != .absent else {
            let names = names()
            throw CorpusCatalogError("no corpus called '\(name)'; \(names.isEmpty ? "build one with `panelist index PATH… --name \(name)`" : "the corpora are: \(([Self.defaultName] + names).joined(separator: ", "))")")
        }
        return path
    }

    /// The names of the built corpora besides `default`, sorted.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".sqlite") && !$0.hasPrefix(".") }.map { String($0.dropLast(".sqlite".count)) }.sorted()
    }

    /// `default` and every named corpus, with what each holds; `default` is built first if needed.
    ///
    /// - Throws: `DatabaseError` when a store cannot be read, `CorpusError` when the bundled corpus is missing.
    public func entries() throws -> [Entry] {
        let bundled = try defaultStore.open().store
        var entries = [try entry(Self.defaultName, store: bundled)]
        for name in names() {
            entries.append(try entry(name, store: PassageStore(path: path(of: name))))
        }
        return entries
    }

    private func entry(_ name: String, store: PassageStore) throws -> Entry {
        let path = path(of: name)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let source = store.origin == StoreMeta.bundledOrigin ? [BundledCorpus.fileName] : store.origin.split(separator: "\n").map(String.init)
        return Entry(name: name, experts: try store.experts().count, passages: store.passageCount,
                     bytes: (attributes?[.size] as? NSNumber)?.int64Value ?? 0,
                     built: attributes?[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0), source: source, path: path)
    }

    /// Deletes corpus `name`'s store; `default` is refused.
    ///
    /// - Throws: `CorpusCatalogError` for `default` or a corpus that does not exist.
    public func remove(_ name: String) throws {
        guard name != Self.defaultName else {
            throw CorpusCatalogError("'default' is the bundled corpus and cannot be removed")
        }
        let path = try existing(name)
        guard case .store = StoreFile(at: path) else {
            throw CorpusCatalogError("\(path) is \(StoreFile(at: path).description), not a Panelist store; Panelist leaves it alone")
        }
        guard unlink(path) == 0 else {
            throw CorpusCatalogError("cannot remove \(path) (\(String(cString: strerror(errno)))); check the folder's permissions")
        }
    }
}

/// A corpus name that cannot be used, or a corpus that is not there.
public struct CorpusCatalogError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong and what to do.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
