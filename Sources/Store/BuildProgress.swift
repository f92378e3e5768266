import Foundation

/// How far a store build has come, reported from time to time while it runs.
public struct BuildProgress: Sendable, Equatable {
    /// The stages of a build.
    public enum Phase: String, Sendable {
        /// Reading passages, storing them and counting document frequencies.
        case reading
        /// Weighing each passage's terms and gathering posting lists.
        case weighing
        /// Writing posting lists, the vocabulary and the expansions.
        case writing
        /// Computing and storing passage vectors (`SemanticIndexing`).
        case embedding
    }

    public var phase: Phase
    /// Passages done in this phase.
    public var passages: Int
    /// The passages of the corpus, when known.
    public var total: Int?
    /// The share of the phase done, when it can be told (from `total` or from bytes read).
    public var fraction: Double?
    /// Seconds since the phase began.
    public var elapsed: Double

    public init(phase: Phase, passages: Int, total: Int?, fraction: Double?, elapsed: Double) {
        self.phase = phase
        self.passages = passages
        self.total = total
        self.fraction = fraction
        self.elapsed = elapsed
    }

    /// Passages per second in this phase.
    public var rate: Double {
        elapsed > 0 ? Double(passages) / elapsed : 0
    }

    /// Seconds left in this phase, when the share done is known.
    public var remaining: Double? {
        let done = total.map { $0 > 0 ? Double(passages) / Double($0) : 1 } ?? fraction
        guard let done, done > 0, elapsed > 0 else { return nil }
        return elapsed * (1 - done) / done
    }

    /// One line for a terminal: "reading: 12,000 passages (35%), 8,100 passages/s, ETA 4 s".
    public var line: String {
        var text = "\(phase.rawValue): \(passages) passages"
        if let total { text += " of \(total)" }
        let done = total.map { $0 > 0 ? Double(passages) / Double($0) : 1 } ?? fraction
        if let done { text += String(format: " (%.0f%%)", done * 100) }
        text += String(format: ", %.0f passages/s", rate)
        if let remaining { text += String(format: ", ETA %.0f s", remaining.rounded(.up)) }
        return text
    }
}
