import Corpus
import Retrieval

/// Finds the experts a question names: by full name or by surname, in any case or accents.
///
/// "What does Gabuev say about sanctions?", "According to Dmitri Trenin, …" and "Baunov’s view"
/// all name an expert. A first name shared by several experts names nobody.
public struct ExpertMention: Sendable {
    let analyzer: Analyzer

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// The experts named in `question`, and the folded words that named them.
    ///
    /// - Parameters:
    ///   - question: The user's question.
    ///   - experts: The corpus's experts.
    /// - Returns: The named experts in corpus order, and the words to leave out of the query.
    public func find(in question: String, among experts: [Expert]) -> (experts: [Expert], words: Set<String>) {
        let words = analyzer.tokens(question).map(\.word)
        let wordSet = Set(words)
        var named: [Expert] = []
        var nameWords: Set<String> = []
        for expert in experts {
            let parts = expert.name.split(separator: " ").map { analyzer.fold(String($0)) }.filter { !$0.isEmpty }
            guard let surname = parts.last else { continue }
            if wordSet.contains(surname) {
                named.append(expert)
                nameWords.formUnion(parts.filter(wordSet.contains))
            }
        }
        return (named, nameWords)
    }
}

/// Recognises questions that ask which expert said something ("Who said …?", "Which expert …?").
public enum QuestionIntent: Sendable, Equatable {
    /// An ordinary question about a topic.
    case topic
    /// A question whose answer is the experts who spoke about a topic.
    case whichExpert

    /// Verbs of saying and thinking that, after "who", ask for a speaker.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "talked", "talks", "talk", "spoke", "speaks", "wrote", "writes", "argued", "argues",
        "mentioned", "mentions", "discussed", "discusses", "thinks", "think", "believes", "claimed", "claims",
        "warned", "warns", "noted", "notes", "explained", "explains", "addressed", "addresses", "commented",
        "comments", "described", "describes", "predicted", "predicts", "suggested", "suggests", "expects",
        "stated", "states", "pointed", "points", "emphasized", "emphasised", "stressed", "insisted", "insists",
    ]
    /// Nouns that name the people interviewed.
    static let speakerNouns: Set<String> = ["expert", "experts", "analyst", "analysts", "panelist", "panelists", "scholar", "scholars", "interviewee", "interviewees"]

    /// Words about the act of speaking or holding a view ("say", "think", "opinion"): in a
    /// question to an interview corpus they frame the topic rather than name it, so they do not
    /// count towards the evidence that the corpus covers a question.
    public static let framingWords: Set<String> = speechVerbs.union(speakerNouns).union([
        "view", "views", "opinion", "opinions", "according", "perspective", "take", "feel", "feels", "believe",
        "tell", "tells", "told", "saying", "thought", "thoughts",
    ])

    /// Very common words that name no topic ("will", "like", "way", "many"): left out of the
    /// evidence like framing words, and never expanded (their WordNet senses are too many to help).
    public static let genericWords: Set<String> = [
        "will", "would", "may", "might", "must", "shall", "can", "could", "like", "way", "ways", "best", "better",
        "many", "much", "lot", "lots", "make", "makes", "made", "get", "gets", "got", "go", "goes", "going", "take",
        "takes", "thing", "things", "really", "just", "also", "even", "still", "well", "kind", "sort", "good",
        "new", "old", "big", "little", "long", "every", "ever", "never", "always", "often", "sometimes", "one",
        "anyone", "anything", "someone", "something", "everyone", "everything", "please", "know", "want",
    ]

    /// Framing and generic words together: what does not name the question's topic.
    public static let nonTopicalWords = framingWords.union(genericWords)

    /// The words of `text`, lower-cased, letters only: how the intents and requests of a question are read.
    static func words(of text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// The intent of `question`.
    public static func of(_ question: String) -> QuestionIntent {
        let words = words(of: question)
        guard let first = words.first, first == "who" || first == "which" || first == "whose" else { return .topic }
        let opening = words.dropFirst().prefix(4)
        if opening.contains(where: speakerNouns.contains) { return .whichExpert }
        if first == "who", opening.prefix(2).contains(where: speechVerbs.contains) { return .whichExpert }
        return .topic
    }
}
