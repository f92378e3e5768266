/// English stop words: function words too common to help rank passages.
///
/// The list is the Snowball project's standard English stop-word list,
/// <https://snowballstem.org/algorithms/english/stop.txt> (174 words, in its order), which goes with
/// the Snowball stemmer ``EnglishStemmer`` implements, plus the pronoun "us", which the list
/// lacks (the analyser keeps "US" and "U.S." as an acronym all the same). Its contractions are stored with a straight
/// apostrophe (`don't`); the tokenizer folds curly apostrophes to straight ones before lookup. The
/// words are unstemmed, so filter tokens before stemming them.
///
/// ```swift
/// let kept = tokens.filter { !StopWords.english.contains($0) }
/// ```
public enum StopWords {
    /// The Snowball English stop words and "us", lower-cased.
    ///
    /// - Complexity: Membership tests are O(1) on average.
    public static let english = Set(ordered)

    /// The stop words in the list's order, which a store's `FunctionWordSet`s are numbered by.
    public static let ordered: [String] = [
        // Pronouns
        "i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
        "who", "whom", "this", "that", "these", "those",
        // Forms of be, have and do, and the auxiliaries kept by the list
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
        "do", "does", "did", "doing", "would", "should", "could", "ought",
        // Pronoun + verb contractions
        "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've",
        "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll",
        "she'll", "we'll", "they'll",
        // Verb + negation and auxiliary + negation
        "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
        "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't",
        "mustn't",
        // Miscellaneous contractions
        "let's", "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's",
        "how's",
        // Articles
        "a", "an", "the",
        // Conjunctions, prepositions and adverbs
        "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
        "with", "about", "against", "between", "into", "through", "during", "before", "after",
        "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
        "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
        "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
        "only", "own", "same", "so", "than", "too", "very",
    ]

    /// Each stop word's position in `ordered`.
    public static let index = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($1, $0) })
}
