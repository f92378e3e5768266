import Answering
import Encoder
import Foundation
import Logging
import Search
import Store

/// Lends `PanelWorker`s to requests: at most `limits.workers` run at once, the others wait their
/// turn in order, and a request that finds `limits.maxConcurrentRequests` already in progress is
/// refused as busy rather than queued without bound.
///
/// The store file is only read, so every worker opens the same path; `reopen()` makes new requests
/// use the file now at that path (a new store renamed into place) while requests already running
/// finish on the connection they have, whose file stays readable until it is closed.
final class WorkerPool: @unchecked Sendable {
    // Invariant: every `var` below is read and written only while `lock` is held.
    private let lock = NSLock()
    private var generation = 0
    private var idle: [PanelWorker] = []
    /// Workers lent out, plus slots handed to waiting requests that have not taken theirs yet.
    private var lent = 0
    private var inProgress = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    let path: String
    let limits: ServiceLimits
    private let logger: Logger
    /// What embeds questions for a store with vectors, shared by every worker (it is immutable).
    private let embedder: (any TextEmbedder)?
    /// Where the store is read: not the cooperative pool, whose few threads must not block on SQLite.
    private let queue = DispatchQueue(label: "panelist.workers", attributes: .concurrent)

    /// Opens the store at `path` once, so a bad store is reported before anything is served.
    ///
    /// - Throws: `DatabaseError` when the store cannot be opened.
    init(path: String, limits: ServiceLimits, logger: Logger, embedder: (any TextEmbedder)?) throws {
        self.path = path
        self.limits = limits
        self.logger = logger
        self.embedder = embedder
        idle = [try PanelWorker(path: path, generation: 0, embedder: embedder)]
    }

    /// Runs `body` with a worker of its own, on the pool's queue.
    ///
    /// - Throws: `ServiceError.busy` when too many requests are in progress; what `body` throws,
    ///   with `AnswerError` as `.invalidRequest` and `DatabaseError` as `.storeFailure`.
    func run<Result: Sendable>(_ body: @escaping @Sendable (PanelWorker) throws -> Result) async throws -> Result {
        try admit()
        defer { lock.withLock { inProgress -= 1 } }
        let worker = try await borrow()
        defer { giveBack(worker) }
        // The worker is used by this request alone until it is given back.
        let lentWorker = UncheckedWorker(worker: worker)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Swift.Result { try self.translating { try body(lentWorker.worker) } })
            }
        }
    }

    /// Makes new requests read the store now at `path`, once it opens and checks out.
    ///
    /// - Throws: `DatabaseError` when the new file cannot be opened; the old one is kept then.
    func reopen() throws {
        let next = lock.withLock { generation + 1 }
        let worker = try PanelWorker(path: path, generation: next, embedder: embedder)
        lock.withLock {
            generation = next
            idle = [worker]
        }
    }

    private func admit() throws {
        try lock.withLock {
            guard inProgress < limits.maxConcurrentRequests else {
                throw ServiceError(.busy, "the server is answering \(limits.maxConcurrentRequests) requests already; retry in a moment")
            }
            inProgress += 1
        }
    }

    private func borrow() async throws -> PanelWorker {
        // The check and the enqueueing are one step, so a slot freed in between is not missed.
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted: Bool = lock.withLock {
                guard lent < limits.workers else {
                    waiting.append(continuation)
                    return false
                }
                lent += 1
                return true
            }
            if granted { continuation.resume() }
        }
        let (reused, current) = lock.withLock { (idle.popLast(), generation) }
        if let reused { return reused }
        do {
            return try PanelWorker(path: path, generation: current, embedder: embedder)
        } catch {
            release()
            throw translated(error)
        }
    }

    private func giveBack(_ worker: PanelWorker) {
        lock.withLock {
            if worker.generation == generation { idle.append(worker) }
        }
        release()
    }

    /// Hands the slot to the first waiting request, or frees it.
    private func release() {
        let next: CheckedContinuation<Void, Never>? = lock.withLock {
            if waiting.isEmpty {
                lent -= 1
                return nil
            }
            return waiting.removeFirst()
        }
        next?.resume()
    }

    private func translating<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw translated(error)
        }
    }

    /// The error a client is told: its own mistakes in full, store failures only in the log.
    private func translated(_ error: any Error) -> any Error {
        switch error {
        case let error as AnswerError:
            return ServiceError(.invalidRequest, error.message)
        case let error as DatabaseError:
            logger.error("store read failed", metadata: ["store": "\(path)", "error": "\(error.message)"])
            return ServiceError(.storeFailure, "the server could not read its store; its log says why")
        default:
            return error
        }
    }
}

/// A worker carried to the queue's thread; safe because one request holds it at a time.
private struct UncheckedWorker: @unchecked Sendable {
    let worker: PanelWorker
}
