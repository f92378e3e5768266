import Encoder

/// Whether and how a build computes passage vectors (`index --semantic`), and with the built-in
/// encoder the vectors of their sentences (`SentenceEmbedder`).
public struct SemanticIndexing: Sendable {
    /// When vectors are made.
    public enum Mode: String, Sendable, CaseIterable {
        /// For corpora of at most `automaticLimit` passages: five minutes at most on two cores.
        case auto
        /// Always, however long it takes (the progress line shows the ETA).
        case on
        /// Never: the store answers by its words alone.
        case off
    }

    /// What became of the vectors in a build.
    public enum Outcome: Sendable, Equatable {
        /// Every passage has a vector made by the embedder with this identifier.
        case made(count: Int, encoder: String)
        /// `.auto` left them out: the corpus has more passages than `automaticLimit`.
        case skippedAsTooLarge(passages: Int)
        /// Not asked for (`.off`, or no embedder).
        case notRequested
    }

    public var mode: Mode
    /// What makes the vectors; nil makes none, whatever the mode.
    public var embedder: (any TextEmbedder)?
    /// How many texts are given to the embedder at a time.
    public var batchSize = 64

    /// The most passages `.auto` embeds: at the built-in encoder's ~66 passages/s on two cores (the
    /// 10k scale corpus's passages took 152 s, docs/PERFORMANCE.md), 20,000 take about five minutes.
    public static let automaticLimit = 20_000

    public init(mode: Mode, embedder: (any TextEmbedder)?) {
        self.mode = mode
        self.embedder = embedder
    }

    /// Whether a corpus of `passages` passages (so far) gets vectors.
    package func wants(passages: Int) -> Bool {
        guard embedder != nil else { return false }
        switch mode {
        case .on: return true
        case .auto: return passages <= Self.automaticLimit
        case .off: return false
        }
    }

    /// The text a passage's vector is made from: the question it answers, then the answer, so a
    /// user's question meets the interviewer's as well as the reply.
    public static func text(question: String, answer: String) -> String {
        question.isEmpty ? answer : question + "\n" + answer
    }
}
