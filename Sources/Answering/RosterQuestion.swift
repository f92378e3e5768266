import Corpus
import Retrieval

/// A question about the experts themselves, answered from the roster (name, role, the questions each
/// answered) rather than from what they said: "Who is Dmitri Trenin?", "What is Baunov's role?",
/// "Who runs the Carnegie Moscow Center?", "Who are the experts?".
public enum RosterQuestion: Sendable, Equatable {
    /// Who a named expert is.
    case whoIs(Expert)
    /// Who holds a role: the role nouns the question's verb or noun asks for, and the words of what
    /// the role is of ("carnegie", "moscow", "center").
    case holder(roles: Set<String>, of: [String])
    /// Who the experts are.
    case everyone

    /// The roster question `question` asks, or nil for a question about a topic.
    ///
    /// - Parameters:
    ///   - words: The question's words, lower-cased, letters only.
    ///   - named: The experts the question names.
    static func of(words: [String], named: [Expert]) -> RosterQuestion? {
        let content = words.filter { !StopWords.english.contains($0) && !QuestionWords.roster.contains($0) }
        if named.count == 1 {
            let name = Set(named[0].name.lowercased().split(separator: " ").map(String.init))
            let rest = content.filter { !name.contains($0) && $0 != "s" }
            let asksWho = words.starts(with: ["who", "is"]) || words.starts(with: ["who", "s"]) || words.starts(with: ["who", "was"])
                || words.starts(with: ["tell", "me", "about"])
            let asksRole = words.contains("role") || words.contains("job") || words.contains("position") || words.last == "do"
            if (asksWho || asksRole) && rest.isEmpty { return .whoIs(named[0]) }
            return nil
        }
        guard named.isEmpty, words.first == "who" || words.first == "which" else { return nil }
        if words.starts(with: ["who", "are"]) || words.starts(with: ["which", "experts", "are"]), content.isEmpty,
           words.contains(where: { QuestionWords.speakerNouns.contains($0) || $0 == "interviewed" }) {
            return .everyone
        }
        if words.count > 2, let roles = QuestionWords.roleVerbs[words[1]] {
            return .holder(roles: roles, of: Array(words.dropFirst(2)).filter { !StopWords.english.contains($0) })
        }
        if words.starts(with: ["who", "is", "the"]) || words.starts(with: ["who", "s", "the"]), words.count > 3, QuestionWords.roleNouns.contains(words[3]) {
            return .holder(roles: [words[3]], of: Array(words.dropFirst(4)).filter { !StopWords.english.contains($0) })
        }
        return nil
    }

    /// The experts this question is about, in roster order; empty when no role matches.
    func experts(in roster: [ExpertSummary], analyzer: Analyzer) -> [Expert] {
        switch self {
        case .whoIs(let expert): return [expert]
        case .everyone: return roster.map(\.expert).filter { !$0.name.isEmpty }
        case .holder(let roles, let object):
            let wanted = Set(object.map(analyzer.stem))
            // The role noun comes first and what it is of after it: "director of the Carnegie Moscow
            // Center", not "fellow at the Carnegie Moscow Center and editor in chief".
            return roster.map(\.expert).filter { expert in
                let role = analyzer.tokens(expert.role)
                guard let at = role.firstIndex(where: { roles.contains($0.word) }) else { return false }
                let after = role[role.index(after: at)...]
                let terms = Set(after.map(\.term)).union(after.map(\.word)).union(after.map { analyzer.stem($0.word) })
                return wanted.isSubset(of: terms)
            }
        }
    }
}
