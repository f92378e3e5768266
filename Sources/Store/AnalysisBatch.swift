import Corpus
import Foundation

/// Passages to analyse as one piece of work, done by whichever thread claims it first.
final class AnalysisBatch: @unchecked Sendable {
    let passages: [Passage]
    private let lock = NSLock()
    // Guarded by `lock`.
    private var claimed = false
    private let result = Pending<AnalysedBatch>()

    init(_ passages: [Passage]) {
        self.passages = passages
    }

    /// Analyses the passages with `worker` unless another thread has claimed them.
    ///
    /// - Returns: Whether this call did the work.
    @discardableResult
    func analyseUnlessClaimed(with worker: AnalysisWorker) -> Bool {
        let first = lock.withLock {
            defer { claimed = true }
            return !claimed
        }
        guard first else { return false }
        result.fulfil(worker.analyse(passages))
        return true
    }

    /// Whether the passages are analysed, so that `wait` would not block.
    var isDone: Bool {
        result.isReady
    }

    /// The analysed passages, in order, once they are done.
    func wait() -> AnalysedBatch {
        result.wait()
    }
}
