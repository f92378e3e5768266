import Answering
import Bundled
import Corpus
import Foundation
import Search
import Store

/// A store of the seed corpus with the bundled lexicon, built once per test process in a temp dir.
enum SeedStore {
    static let path: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-answering-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("seed.sqlite").path
        do {
            let corpus = try DocumentLoader().load([BundledCorpus.url ?? URL(fileURLWithPath: "/missing")])
            try StoreBuilder(lexicon: .lexicon(BundledCorpus.lexicon())).build(corpus, at: path, origin: "test")
        } catch {
            fatalError("cannot build the seed store: \(error)")
        }
        return path
    }()

    static func answerer(settings: RetrievalSettings = RetrievalSettings()) throws -> Answerer {
        Answerer(retriever: try Retriever(store: PassageStore(path: path), settings: settings))
    }
}
