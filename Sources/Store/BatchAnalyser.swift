import Corpus
import Dispatch
import Retrieval

/// A passage with the terms of each of its fields.
struct AnalysedPassage: Sendable {
    var passage: Passage
    /// The terms of each field, by `Field.rawValue`, numbered by the batch's thread.
    var terms: [[NumberedTerm]]
    /// The stop words of its text.
    var functionWords: FunctionWordSet
}

/// Passages analysed by one thread, and the terms that thread first met in them.
struct AnalysedBatch: Sendable {
    var passages: [AnalysedPassage]
    /// Which thread analysed them: 0 the analysis queue's, 1 the caller's.
    var thread: Int
    /// The terms the thread numbered while analysing the batch, in order of their numbers
    /// (`TermNumberer.takeNewTerms`).
    var newTerms: [String]
}

/// Analyses passages on a second thread while the caller goes on reading and writing.
///
/// Passages are handed over in batches of `batchSize`; analysed batches come back in the order
/// they were added, so what is built from them does not depend on the threads. Each thread
/// analyses its batches in that order too, so its batches' new terms arrive in the order it
/// numbered them (`TermRenumbering`). At most
/// `maxBatchesInFlight` batches wait or are being analysed, so memory stays bounded. Only when the
/// caller would have to wait for the second thread does it analyse a waiting batch itself, so the
/// second thread works ahead while the caller reads and writes.
final class BatchAnalyser {
    let batchSize: Int
    let maxBatchesInFlight = 4
    private let queue = DispatchQueue(label: "panelist.store.analysis")
    /// Analyses on `queue`.
    private let worker: AnalysisWorker
    /// Analyses on the caller's thread.
    private let callerWorker: AnalysisWorker
    private var batch: [Passage] = []
    private var inFlight: [AnalysisBatch] = []

    /// How many threads analyse: the queue's and the caller's.
    static let threads = 2

    init(analyzer: Analyzer, batchSize: Int, chunkLimit: Int) {
        worker = AnalysisWorker(numberer: TermNumberer(analyzer: analyzer, chunkLimit: chunkLimit), thread: 0)
        callerWorker = AnalysisWorker(numberer: TermNumberer(analyzer: analyzer, chunkLimit: chunkLimit), thread: 1)
        self.batchSize = max(1, batchSize)
        batch.reserveCapacity(self.batchSize)
    }

    /// Adds `passage`, then calls `body` with the analysed batches that must be taken now, in order.
    func add(_ passage: Passage, _ body: (AnalysedBatch) throws -> Void) rethrows {
        batch.append(passage)
        guard batch.count >= batchSize else { return }
        submit()
        while inFlight.count > maxBatchesInFlight { try takeOldest(body) }
    }

    /// Calls `body` with every batch not yet taken, in order.
    func finish(_ body: (AnalysedBatch) throws -> Void) rethrows {
        if !batch.isEmpty { submit() }
        while !inFlight.isEmpty { try takeOldest(body) }
    }

    private func submit() {
        let submitted = AnalysisBatch(batch)
        let worker = worker
        batch.removeAll(keepingCapacity: true)
        inFlight.append(submitted)
        queue.async { submitted.analyseUnlessClaimed(with: worker) }
    }

    /// Passes on the oldest batch; if it is not analysed yet, first analyses the first batch
    /// nobody has started, rather than wait.
    private func takeOldest(_ body: (AnalysedBatch) throws -> Void) rethrows {
        if !inFlight[0].isDone {
            for waiting in inFlight {
                if waiting.analyseUnlessClaimed(with: callerWorker) { break }
            }
        }
        try body(inFlight.removeFirst().wait())
    }
}

/// A thread's numberer, used by one thread at a time, one batch at a time.
final class AnalysisWorker: @unchecked Sendable {
    let numberer: TermNumberer
    let thread: Int

    init(numberer: TermNumberer, thread: Int) {
        self.numberer = numberer
        self.thread = thread
    }

    func analyse(_ passages: [Passage]) -> AnalysedBatch {
        let analysed = passages.map { passage in
            var terms = Array(repeating: [NumberedTerm](), count: Field.allCases.count)
            var functionWords = FunctionWordSet()
            for field in Field.allCases {
                let found = numberer.number(field.content(of: passage), into: &terms[field.rawValue])
                if field == .text { functionWords = found }
            }
            return AnalysedPassage(passage: passage, terms: terms, functionWords: functionWords)
        }
        return AnalysedBatch(passages: analysed, thread: thread, newTerms: numberer.takeNewTerms())
    }
}
