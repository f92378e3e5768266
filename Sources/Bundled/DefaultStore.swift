import Corpus
import Encoder
import Foundation
import Store

/// Finds the store Panelist uses when none is named, building it from the bundled corpus.
///
/// The default store lives at `$PANELIST_STORE` when set, else
/// `$XDG_CACHE_HOME/panelist/default.sqlite` (`~/.cache/panelist/default.sqlite`). It is built on
/// first use and rebuilt whenever the bundled corpus no longer matches the hash it was built from.
/// A store that `panelist index` built there from other files is used as it is, and nothing that
/// is not the bundled corpus's own store is ever rebuilt over (see `open()`).
public struct DefaultStore: Sendable {
    /// The store's path.
    public let path: String
    /// Where the bundled lexicon's analysis is kept between builds.
    let cache: CacheFolder

    /// A default store kept at `path` instead of the usual place.
    public init(path: String, cache: CacheFolder = CacheFolder()) {
        self.path = path
        self.cache = cache
    }

    /// The default store's location in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        cache = CacheFolder(environment: environment)
        if let explicit = environment["PANELIST_STORE"], !explicit.isEmpty {
            path = explicit
        } else {
            path = cache.file("default.sqlite")
        }
    }

    /// Opens the default store, building or rebuilding it from the bundled corpus when needed.
    ///
    /// The file is rebuilt only when it is missing, empty, or the bundled corpus's own store that
    /// is stale, of an older format or recipe (`StoreMeta.currentRecipe`), or without the vectors of
    /// `embedder` (so a model fetched after the first run is used from then on); anything else there — a store `panelist index` built from
    /// other files, a store of a newer Panelist, another file — is never overwritten: it is used
    /// when it can be read, and is an error otherwise.
    ///
    /// - Parameter embedder: What gives the passages vectors (nil: a store by words only).
    /// - Returns: The open store and whether it was (re)built just now.
    /// - Throws: `CorpusError` when the bundled corpus is missing, `DatabaseError` when the
    ///   store cannot be written or read, or something other than a store is at `path`.
    public func open(embedder: (any TextEmbedder)? = nil) throws -> (store: PassageStore, rebuilt: Bool) {
        guard let corpusURL = BundledCorpus.url else { throw Self.missingCorpus }
        let data = try Data(contentsOf: corpusURL)
        var hash = ContentHash()
        hash.update(fileNamed: corpusURL.lastPathComponent, contents: Array(data))
        switch StoreFile(at: path) {
        case .absent, .empty:
            break
        case .store(let schema):
            do {
                let store = try PassageStore(path: path)
                let current = store.contentHash == hash.hexDigest && store.recipe == StoreMeta.currentRecipe
                    && (embedder == nil || store.vectorEncoder == embedder?.identifier)
                if store.origin != StoreMeta.bundledOrigin || current { return (store, false) }
            } catch {
                guard schema <= Schema.currentVersion, PassageStore.origin(ofStoreAt: path) == StoreMeta.bundledOrigin else { throw error }
            }
        case let other:
            throw DatabaseError(.notAStore, message: "\(path) is \(other.description), where the default store should be; Panelist leaves it alone — set PANELIST_STORE to another path or pass --store")
        }
        try rebuildFromBundledCorpus(embedder: embedder)
        return (try PassageStore(path: path, rebuildCommand: "panelist index"), true)
    }

    /// Builds the default store from the bundled corpus, replacing the store there (never another file).
    ///
    /// - Parameter embedder: What gives the passages vectors (nil: none).
    /// - Returns: What was written.
    /// - Throws: `CorpusError` or `DatabaseError`.
    @discardableResult
    public func rebuildFromBundledCorpus(embedder: (any TextEmbedder)? = nil) throws -> StoreBuilder.Summary {
        guard let corpusURL = BundledCorpus.url else { throw Self.missingCorpus }
        return try rebuild(from: DocumentLoader().load([corpusURL]), embedder: embedder)
    }

    func rebuild(from corpus: LoadedCorpus, embedder: (any TextEmbedder)? = nil) throws -> StoreBuilder.Summary {
        try StoreBuilder(lexicon: BundledCorpus.lexiconSource(cache: cache))
            .build(corpus, at: path, origin: StoreMeta.bundledOrigin, semantic: SemanticIndexing(mode: .on, embedder: embedder))
    }

    static let missingCorpus = CorpusError(.unreadable, "the bundled corpus \(BundledCorpus.fileName) is missing from this installation; reinstall Panelist or pass --store")
}
