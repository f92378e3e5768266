import Corpus

/// The experts an answer's passages were limited to, and what limited them: a conversation carries
/// a restriction named in a question to its follow-ups, but not one set by an option that has since
/// changed.
public struct Restriction: Sendable, Equatable {
    /// What limited the passages.
    public enum Origin: Sendable, Equatable {
        /// The question named the experts ("What does Gabuev say …?").
        case question
        /// `--expert` or `:expert` asked for one.
        case option
        /// A follow-up asked for them on the last topic ("and what did Gabuev say?").
        case previousTopic
    }

    public var experts: [Expert]
    public var origin: Origin

    public init(experts: [Expert], origin: Origin) {
        self.experts = experts
        self.origin = origin
    }

    /// The names, joined: "Alexander Gabuev and Dmitri Trenin".
    var names: String { experts.map(\.name).joined(separator: " and ") }

    /// The notice an answer within it carries: "restricted to Alexander Gabuev, named in the question".
    public var description: String {
        switch origin {
        case .question: "restricted to \(names), named in the question"
        case .option: "restricted to \(names)"
        case .previousTopic: "restricted to \(names), on the previous topic"
        }
    }
}
