import Answering

/// The `k` of a request: how many passages, checked as the command line checks `--k`.
enum PassageCount {
    static let allowed = 1...50

    /// `k`, or the default when absent.
    ///
    /// - Throws: `ServiceError.invalidRequest` when it is out of range.
    static func validated(_ k: Int?) throws -> Int {
        guard let k else { return AnswerOptions().k }
        guard allowed.contains(k) else {
            throw ServiceError(.invalidRequest, "k must be between \(allowed.lowerBound) and \(allowed.upperBound), not \(k)")
        }
        return k
    }
}
