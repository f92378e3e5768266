import Answering
import Encoder
import Search
import Store

/// One read-only connection to the store and the answerer over it.
///
/// `PassageStore` keeps one SQLite connection with cached statements, which must not be used by two
/// threads at once, so each request borrows a worker of its own from `WorkerPool`.
final class PanelWorker {
    /// Which opening of the store this worker reads (see `WorkerPool.reopen()`).
    let generation: Int
    let answerer: Answerer

    /// - Throws: `DatabaseError` when the store cannot be opened.
    /// - Parameter embedder: What embeds questions for a store with vectors (nil: by words only).
    init(path: String, generation: Int, embedder: (any TextEmbedder)?) throws {
        self.generation = generation
        answerer = Answerer(retriever: try Retriever(store: PassageStore(path: path), embedder: embedder))
    }

    var retriever: Retriever { answerer.retriever }
}
