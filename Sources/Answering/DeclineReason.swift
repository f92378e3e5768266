import Corpus

/// Why Panelist declined a question, as a value: the notice reads it as a reason ("no passage
/// mentions Venezuela"), and a conversation tells "nothing more to show" from a refusal by it.
public enum DeclineReason: Sendable, Equatable {
    /// The question names places or people the corpus never mentions; the nearest passage, for rephrasing.
    case unknownNames([String], nearest: Passage?)
    /// No passage (of `experts`, when restricted) matches the question at all.
    case nothingMatches(experts: [Expert])
    /// No passage mentions these words of the question, and none is close in meaning.
    case unmatched([String], experts: [Expert])
    /// Passages match, but too little of the question, in words and in meaning.
    case tooLittle(experts: [Expert])
    /// A question about a role that no expert holds.
    case noSuchRole
    /// A comparison none of whose experts addressed the topic.
    case noneAddressed([Expert])
    /// A follow-up that asked for these experts on the last topic, which they did not address.
    case notAddressed(by: [Expert])
    /// "More" after every sentence on the topic has been shown.
    case nothingMore(topic: String)

    /// The notice's text: "declined: no passage mentions Venezuela, and none is close in meaning".
    public var description: String {
        switch self {
        case .unknownNames(let names, let nearest):
            let pointer = nearest.map { "; the nearest passage answers “\($0.question)”" + ($0.expert.isEmpty ? "" : " (\($0.expert))") } ?? ""
            return "declined: the corpus never mentions \(names.joined(separator: ", "))\(pointer)"
        case .nothingMatches(let experts): return "declined: no \(Self.passages(of: experts)) matches"
        case .unmatched(let words, let experts):
            return "declined: no \(Self.passages(of: experts)) mentions \(words.joined(separator: ", ")), and none is close in meaning"
        case .tooLittle(let experts): return "declined: no \(Self.passages(of: experts)) matches enough of the question, in words or in meaning"
        case .noSuchRole: return "declined: no expert of this corpus has that role"
        case .noneAddressed(let experts): return "declined: none of \(experts.map(\.name).joined(separator: ", ")) addressed this"
        case .notAddressed(let experts): return "declined: \(experts.map(\.name).joined(separator: " and ")) did not address this topic"
        case .nothingMore: return "nothing more: every sentence on the topic has been shown; ask a new question"
        }
    }

    /// "passage", or "passage of Alexander Baunov or Dmitri Trenin" within a restriction.
    static func passages(of experts: [Expert]) -> String {
        experts.isEmpty ? "passage" : "passage of \(experts.map(\.name).joined(separator: " or "))"
    }
}
