import Answering
import Encoder
import Logging
import Rendering
import Store

/// The service's front: searches, answers and lookups over one read-only store, shared by every
/// request of the HTTP server and the MCP server.
///
/// Each call borrows a store connection from a `WorkerPool`, so calls may run concurrently.
public final class Panel: Sendable {
    let pool: WorkerPool

    /// A panel over the store at `path`, opened once now to check it.
    ///
    /// - Parameter embedder: What embeds questions when the store has vectors (nil: by words only); the
    ///   vectors of recent questions are kept (`EmbeddingCache`).
    /// - Throws: `DatabaseError` when the store cannot be opened.
    public init(storePath path: String, limits: ServiceLimits = ServiceLimits(), logger: Logger, embedder: (any TextEmbedder)? = nil) throws {
        pool = try WorkerPool(path: path, limits: limits, logger: logger, embedder: embedder.map { EmbeddingCache($0) })
    }

    /// The store's path.
    public var storePath: String { pool.path }
    /// The limits the panel was made with.
    public var limits: ServiceLimits { pool.limits }

    /// The passages for a search, as `search --json` prints them.
    ///
    /// - Throws: `ServiceError`.
    public func search(_ request: SearchRequest) async throws -> SearchOutput {
        try await pool.run { try request.run(on: $0.retriever) }
    }

    /// The cited answer to a question, as `ask --json` prints it.
    ///
    /// - Throws: `ServiceError`.
    public func ask(_ request: AskRequest) async throws -> AnswerOutput {
        let options = try request.options()
        return try await pool.run { AnswerOutput(try $0.answerer.answer(request.question, options: options)) }
    }

    /// The answer to the last of `questions`, asked as a conversation after the ones before it
    /// (at most `Conversation.keptTurns` of them), so a follow-up ("what about Iran?") is understood.
    ///
    /// An earlier question that cannot be asked is skipped: it was answered (or refused) before.
    ///
    /// - Throws: `ServiceError`.
    public func reply(to questions: [String], options: AnswerOptions = AnswerOptions()) async throws -> ChatReply {
        guard let last = questions.last else {
            throw ServiceError(.invalidRequest, "no user message to answer; send messages ending with {\"role\": \"user\", \"content\": \"…\"}")
        }
        let earlier = Array(questions.dropLast().suffix(Conversation.keptTurns))
        return try await pool.run { worker in
            let conversation = Conversation(answerer: worker.answerer, options: options)
            for question in earlier { _ = try? conversation.ask(question) }
            return ChatReply(try conversation.ask(last))
        }
    }

    /// The store's experts, in order of first appearance.
    ///
    /// - Throws: `ServiceError`.
    public func experts() async throws -> [ExpertOutput] {
        try await pool.run { $0.retriever.experts.map(ExpertOutput.init) }
    }

    /// The passage whose id is `id`.
    ///
    /// - Throws: `ServiceError.notFound` when the store has none.
    public func passage(id: String) async throws -> PassageRecord {
        try await pool.run { worker in
            let store = worker.retriever.store
            guard let doc = try store.doc(ofPassageID: id) else {
                throw ServiceError(.notFound, "no passage with id “\(id)” in this store; ids are as `search` returns them")
            }
            return PassageRecord(try store.passage(doc))
        }
    }

    /// Up to `limit` passages' ids and experts, in store order from the one after `cursor` (the
    /// first when nil), and the cursor of the next page (nil after the last).
    ///
    /// - Throws: `ServiceError`.
    public func passageIndex(after cursor: Int32?, limit: Int) async throws -> (entries: [PassageIndexEntry], next: Int32?) {
        try await pool.run { worker in
            let entries = try worker.retriever.store.passageIndex(after: cursor ?? -1, limit: limit)
            return (entries, entries.count == limit ? entries.last?.doc : nil)
        }
    }

    /// Makes later requests read the store now at `storePath` (a new store renamed into place);
    /// requests in progress finish on the file they opened.
    ///
    /// - Throws: `DatabaseError` when the new file cannot be opened; the old one is kept then.
    public func reopen() throws {
        try pool.reopen()
    }
}
