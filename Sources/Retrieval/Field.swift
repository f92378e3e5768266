import Corpus

/// The parts of a passage that are indexed separately, each with its own weight.
public enum Field: Int, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The passage's own words.
    case text = 0
    /// The question the passage answers.
    case question = 1
    /// The expert's name and role.
    case expert = 2

    /// The text of this field in `passage`.
    public func content(of passage: Passage) -> String {
        switch self {
        case .text: passage.text
        case .question: passage.question
        case .expert: passage.role.isEmpty ? passage.expert : "\(passage.expert), \(passage.role)"
        }
    }

    public var description: String {
        switch self {
        case .text: "text"
        case .question: "question"
        case .expert: "expert"
        }
    }
}

/// How much a match in each field counts towards a passage's score (question 0.7 since passages
/// are weighted by `TermSaturation`, 0.5 before; measured in docs/RETRIEVAL.md).
public struct FieldWeights: Sendable, Equatable, Codable {
    public var text: Double
    public var question: Double
    public var expert: Double

    public init(text: Double = 1.0, question: Double = 0.7, expert: Double = 0.35) {
        self.text = text
        self.question = question
        self.expert = expert
    }

    /// The weight of `field`.
    public subscript(field: Field) -> Double {
        switch field {
        case .text: text
        case .question: question
        case .expert: expert
        }
    }
}
