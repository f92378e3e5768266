/// The English words a question is read by, kept in one place: what frames a question rather than
/// naming its topic, and the openings that mark comparisons, requests, follow-ups and questions
/// about the experts. Stop words are the analyser's (`StopWords`); answer types keep their units
/// and number words (`AnswerType`).
public enum QuestionWords {
    /// The words of `text`, lower-cased, letters only: how a question's intent is read.
    public static func split(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        }
        // ASCII, split by its bytes: the same words without breaking the text into characters
        // (which cost 2 % of a search's instructions at 10k passages).
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            let lower = byte | 0x20
            if (97...122).contains(lower) {
                word.append(lower)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// Whether `words` holds `phrase` as consecutive words.
    public static func contains(_ words: [String], phrase: [String]) -> Bool {
        words.indices.contains { start in words[start...].starts(with: phrase) }
    }

    // MARK: What frames a topic rather than naming it

    /// Verbs of saying and thinking that, after "who", ask for a speaker.
    public static let speechVerbs: Set<String> = [
        "said", "says", "say", "talked", "talks", "talk", "spoke", "speaks", "wrote", "writes", "argued", "argues",
        "mentioned", "mentions", "discussed", "discusses", "thinks", "think", "believes", "claimed", "claims",
        "warned", "warns", "noted", "notes", "explained", "explains", "addressed", "addresses", "commented",
        "comments", "described", "describes", "predicted", "predicts", "suggested", "suggests", "expects",
        "stated", "states", "pointed", "points", "emphasized", "emphasised", "stressed", "insisted", "insists",
    ]
    /// Nouns that name the people interviewed.
    public static let speakerNouns: Set<String> = ["expert", "experts", "analyst", "analysts", "panelist", "panelists", "scholar", "scholars", "interviewee", "interviewees"]

    /// Words about the act of speaking or holding a view ("say", "think", "opinion"): in a
    /// question to an interview corpus they frame the topic rather than name it, so they do not
    /// count towards the evidence that the corpus covers a question.
    public static let framing: Set<String> = speechVerbs.union(speakerNouns).union([
        "view", "views", "opinion", "opinions", "according", "perspective", "take", "feel", "feels", "believe",
        "tell", "tells", "told", "saying", "thought", "thoughts",
    ])

    /// Very common words that name no topic ("will", "like", "way", "many"): left out of the
    /// evidence like framing words, and never expanded (their WordNet senses are too many to help).
    public static let generic: Set<String> = [
        "will", "would", "may", "might", "must", "shall", "can", "could", "like", "way", "ways", "best", "better",
        "many", "much", "lot", "lots", "make", "makes", "made", "get", "gets", "got", "go", "goes", "going", "take",
        "takes", "thing", "things", "really", "just", "also", "even", "still", "well", "kind", "sort", "good",
        "new", "old", "big", "little", "long", "every", "ever", "never", "always", "often", "sometimes", "one",
        "anyone", "anything", "someone", "something", "everyone", "everything", "please", "know", "want",
    ]

    /// Framing and generic words together: what does not name the question's topic.
    public static let nonTopical = framing.union(generic)

    // MARK: Yes/no questions

    /// Auxiliaries that open a yes/no question.
    public static let yesNoOpenings: Set<String> = ["is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
                                                    "has", "have", "had", "may", "might", "must", "shall", "isn", "aren", "doesn", "didn", "won"]
    /// The first words of an expert's own short reply to one ("Yes.", "No, not yet.").
    public static let shortReplies: Set<String> = ["yes", "no", "absolutely", "certainly", "not", "definitely", "hardly", "indeed"]

    // MARK: Comparisons

    /// Phrases that ask for every expert's position.
    public static let everyExpert: [[String]] = [["each", "expert"], ["every", "expert"], ["all", "the", "experts"], ["each", "of", "the", "experts"],
                                                 ["the", "experts", "agree"], ["experts", "disagree"], ["who", "disagrees"], ["who", "agrees"],
                                                 ["compare", "the", "experts"], ["experts", "differ"]]
    /// Words that frame a comparison rather than name its topic ("agree", "see"): left out of each
    /// expert's search.
    public static let comparing: Set<String> = ["each", "every", "all", "both", "agree", "agrees", "disagree", "disagrees", "compare", "compared", "differ", "differs",
                                                "same", "see", "sees", "view", "views", "position", "positions", "stand", "stands", "side"]

    // MARK: Follow-ups

    /// Whole requests to go on with the last answer (a trailing "please" is ignored).
    public static let moreRequests: Set<[String]> = [
        ["more"], ["tell", "me", "more"], ["say", "more"], ["go", "on"], ["continue"], ["what", "else"], ["anything", "else"],
        ["why"], ["why", "is", "that"], ["why", "so"], ["how", "so"], ["explain"], ["and"], ["more", "details"], ["details"],
        ["elaborate"], ["keep", "going"], ["what", "more"],
    ]
    /// Words that point back to something said before.
    public static let anaphora: Set<String> = [
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "he", "him", "his", "she", "her",
        "that", "this", "these", "those", "there", "such", "so", "then", "else",
    ]
    /// Openings that continue the previous question.
    public static let continuations: [[String]] = [
        ["what", "about"], ["how", "about"], ["and"], ["also"], ["but"], ["why"], ["why", "not"], ["anything", "else"], ["what", "else"],
    ]

    // MARK: Questions about the experts

    /// Verbs that ask who holds a role, with the role nouns that answer them.
    public static let roleVerbs: [String: Set<String>] = [
        "runs": ["director", "head", "chief", "president", "leader"], "leads": ["director", "head", "chief", "president", "leader"],
        "heads": ["director", "head", "chief", "president", "leader"], "directs": ["director"],
        "manages": ["director", "head", "manager"], "chairs": ["chair", "chairman", "chairwoman"], "edits": ["editor"],
    ]
    /// Role nouns a question may name directly ("who is the director of …").
    public static let roleNouns: Set<String> = ["director", "head", "chief", "president", "leader", "chair", "chairman", "editor", "fellow", "manager", "founder"]
    /// Words of a question about the roster that name no topic.
    public static let roster: Set<String> = ["experts", "analysts", "panelists", "interviewees", "people", "corpus", "interviewed", "here", "there", "role", "job", "position", "title", "do", "does"]
}
