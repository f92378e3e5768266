import Corpus
import Retrieval

/// A follow-up that is not a question of its own: a request to go on with the last answer ("more",
/// "why?", "tell me more", "go on", "what else?"), or to hear another expert on the same topic ("and
/// what did Gabuev say?", "What about Baunov?").
public enum FollowUpRequest: Sendable, Equatable {
    /// The next best sentences on the last topic, none already shown.
    case more
    /// The last topic, restricted to these experts.
    case sameTopic([Expert])

    /// The request `question` makes, or nil when it is a question to answer.
    ///
    /// - Parameters:
    ///   - words: The question's words, lower-cased, letters only.
    ///   - named: The experts it names.
    static func of(words: [String], named: [Expert]) -> FollowUpRequest? {
        var words = words
        if words.last == "please" { words.removeLast() }
        if QuestionWords.moreRequests.contains(words) { return .more }
        guard !named.isEmpty else { return nil }
        let names = Set(named.flatMap { $0.name.lowercased().split(separator: " ").map(String.init) })
        let topical = words.filter {
            !names.contains($0) && $0 != "s" && !StopWords.english.contains($0) && !QuestionWords.nonTopical.contains($0)
        }
        return topical.isEmpty ? .sameTopic(named) : nil
    }
}
