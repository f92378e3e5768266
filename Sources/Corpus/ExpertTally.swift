/// Counts experts, their passages and their distinct questions as passages go by.
public struct ExpertTally: Sendable {
    /// The experts in order of first appearance.
    public private(set) var summaries: [ExpertSummary] = []
    private var positions: [String: Int] = [:]
    private var questions: [Set<String>] = []

    public init() {}

    /// Counts `passage` (passages without an expert are ignored).
    public mutating func add(_ passage: Passage) {
        guard !passage.expert.isEmpty else { return }
        let position = positions[passage.expert] ?? {
            summaries.append(ExpertSummary(expert: Expert(name: passage.expert, role: passage.role), passages: 0, questions: []))
            questions.append([])
            positions[passage.expert] = summaries.count - 1
            return summaries.count - 1
        }()
        summaries[position].passages += 1
        if !passage.question.isEmpty, questions[position].insert(passage.question).inserted {
            summaries[position].questions.append(passage.question)
        }
    }
}
