import Corpus
import Dispatch
import Retrieval

/// A passage with the tokens of each of its fields.
struct AnalysedPassage: Sendable {
    var passage: Passage
    /// The tokens of each field, by `Field.rawValue`.
    var tokens: [[Token]]
    /// The stop words of its text.
    var functionWords: FunctionWordSet
}

/// Analyses passages on a second thread while the caller goes on reading and writing.
///
/// Passages are handed over in batches of `batchSize`; analysed passages come back in the order
/// they were added, so what is built from them does not depend on the threads. At most
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

    init(analyzer: Analyzer, batchSize: Int) {
        worker = AnalysisWorker(analyzer: analyzer)
        callerWorker = AnalysisWorker(analyzer: analyzer)
        self.batchSize = max(1, batchSize)
        batch.reserveCapacity(self.batchSize)
    }

    /// Adds `passage`, then calls `body` with the analysed passages that must be taken now, in order.
    func add(_ passage: Passage, _ body: (AnalysedPassage) throws -> Void) rethrows {
        batch.append(passage)
        guard batch.count >= batchSize else { return }
        submit()
        while inFlight.count > maxBatchesInFlight { try takeOldest(body) }
    }

    /// Calls `body` with every passage not yet taken, in order.
    func finish(_ body: (AnalysedPassage) throws -> Void) rethrows {
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

    /// Passes on the oldest batch's passages; if they are not analysed yet, first analyses the
    /// first batch nobody has started, rather than wait.
    private func takeOldest(_ body: (AnalysedPassage) throws -> Void) rethrows {
        if !inFlight[0].isDone {
            for waiting in inFlight {
                if waiting.analyseUnlessClaimed(with: callerWorker) { break }
            }
        }
        for passage in inFlight.removeFirst().wait() { try body(passage) }
    }
}

/// An analyser and its memo, used by one thread at a time, one batch at a time.
final class AnalysisWorker: @unchecked Sendable {
    let analyzer: Analyzer
    let memo = AnalysisMemo()

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    func analyse(_ passages: [Passage]) -> [AnalysedPassage] {
        passages.map { passage in
            let text = analyzer.analysis(passage.text, memo: memo)
            return AnalysedPassage(passage: passage, tokens: Field.allCases.map { $0 == .text ? text.tokens : analyzer.tokens($0.content(of: passage), memo: memo) },
                                   functionWords: text.functionWords)
        }
    }
}
