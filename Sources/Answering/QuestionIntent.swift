import Corpus
import Retrieval

/// What a question asks for on its own, read from its words and the experts it names.
public enum QuestionIntent: Sendable, Equatable {
    /// An ordinary question about a topic.
    case topic
    /// A yes/no question ("Is …?", "Does …?"): the expert's own short reply is kept.
    case yesNo
    /// A question whose answer is the experts who spoke about a topic ("Who said …?", "Which expert …?").
    case whichExpert
    /// Several experts' positions side by side (`Comparison`).
    case compare([Expert])
    /// A question about the experts themselves (`RosterQuestion`).
    case aboutExperts(RosterQuestion)

    /// The intent of a question with `words` that names `named` experts of `roster`.
    static func of(words: [String], named: [Expert], roster: [Expert]) -> QuestionIntent {
        if let asked = RosterQuestion.of(words: words, named: named) { return .aboutExperts(asked) }
        if let compared = Comparison.experts(for: words, named: named, roster: roster) { return .compare(compared) }
        guard let first = words.first else { return .topic }
        if QuestionWords.yesNoOpenings.contains(first) { return .yesNo }
        guard first == "who" || first == "which" || first == "whose" else { return .topic }
        let opening = words.dropFirst().prefix(4)
        if opening.contains(where: QuestionWords.speakerNouns.contains) { return .whichExpert }
        if first == "who", opening.prefix(2).contains(where: QuestionWords.speechVerbs.contains) { return .whichExpert }
        return .topic
    }
}
