import Foundation
import Corpus
import Retrieval
import Search

/// Picks the sentences of an extractive answer from the retrieved passages.
///
/// Each sentence of the top passages is scored against the question's topics (a term the user
/// typed, with the expansions that stand for it, is one topic, counted by its best match; a sentence
/// that opens with a pronoun has the words of the sentence before it too):
/// - **term weight**: the summed query weights of the topics it contains;
/// - **coverage**: the share of the question's (squared) weight those topics make up;
/// - **passage score**: its passage's score relative to the best passage;
/// - **meaning**, when every passage read carries `sentenceSimilarities`: the score by words, relative
///   to the best sentence's, makes `lexicalWeight` of the score and the sentence's cosine with the
///   question the rest, as passages are fused (`Fusion`); a sentence more than `meaningFloor` below the
///   best cosine is left out, however many words it shares with the question. The vectors are
///   late-chunked (made in the passage's own forward pass), so a sentence of the best-matching passage
///   is closer than a sentence of an unrelated answer that shares a word ("Kremlin") with the question,
///   and a sentence that says what the question asks in other words ("deteriorate" for "get worse") is
///   closest of all. The fused score is then multiplied by the square root of the sentence's passage
///   score relative to the best passage's (`passageExponent`), so that a sentence of a weaker answer
///   by another expert, close to the question only through a shared name ("Moscow"), does not pad the answer.
/// The best sentence is taken, then up to `maxSentences − 1` more that score at least
/// `followRatio` of it (`followRatioWithMeaning` with meaning, whose scores lie closer together), are
/// not near-duplicates of one already taken, and keep the answer short. A chosen sentence of the best
/// passage that opens with a pronoun brings the sentence before it (`antecedents`).
/// The chosen sentences are put back in reading order: by passage rank, then by position.
public struct SentenceSelector: Sendable {
    public var maxSentences = 3
    public var maxWords = 110
    /// How close to the best sentence another must score to be added, by words alone.
    public var followRatio = 0.6
    /// The same with meaning (dev and answer sets, docs/RETRIEVAL.md).
    public var followRatioWithMeaning = 0.8
    /// How many top passages sentences are drawn from.
    public var passagesConsidered = 3
    /// The words' share of a sentence's score with meaning; its cosine makes the rest (dev and answer sets, docs/RETRIEVAL.md).
    public var lexicalWeight = 0.4
    /// How far below the best sentence's cosine a sentence is left out.
    public var meaningFloor = 0.2
    /// The power of a sentence's passage score, relative to the best passage's, that its score with
    /// meaning is multiplied by (0.5: answers quote as many gold sentences on every set, and more of
    /// their sentences come from the passage that holds the answer; docs/RETRIEVAL.md).
    public var passageExponent = 0.5
    let analyzer: Analyzer
    let splitter = SentenceSplitter()

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// A candidate sentence with its score.
    public struct Candidate: Sendable, Equatable {
        /// The index of its passage in the ranked list.
        public var passageRank: Int
        /// Its position in the passage.
        public var position: Int
        public var text: String
        public var terms: Set<String>
        public var score: Double
    }

    /// The chosen sentences, in reading order.
    ///
    /// - Parameters:
    ///   - passages: The ranked passages (only the first `passagesConsidered` are read).
    ///   - weights: The query's term weights (e.g. the normalised text vector).
    ///   - topics: The topic of each term (an expansion's is its user term); a term not listed is its own.
    /// - Returns: One to `maxSentences` sentences; empty only when `passages` is empty.
    public func select(from passages: [RankedPassage], weights: [String: Double], topics: [String: String] = [:]) -> [Candidate] {
        let (candidates, usedMeaning) = score(passages.prefix(passagesConsidered), weights: weights, topics: topics)
        let followRatio = usedMeaning ? followRatioWithMeaning : followRatio
        guard let best = candidates.max(by: { ($0.score, -$0.passageRank, -$0.position) < ($1.score, -$1.passageRank, -$1.position) }) else { return [] }
        var chosen = [best]
        var words = Chunker.wordCount(best.text)
        let ranked = candidates.sorted { ($0.score, -$0.passageRank, -$0.position) > ($1.score, -$1.passageRank, -$1.position) }
        for candidate in ranked where chosen.count < maxSentences {
            guard candidate != best, candidate.score >= followRatio * best.score, !candidate.terms.isDisjoint(with: weights.keys),
                  words + Chunker.wordCount(candidate.text) <= maxWords,
                  !chosen.contains(where: { Self.similarity($0.terms, candidate.terms) >= 0.6 }) else { continue }
            chosen.append(candidate)
            words += Chunker.wordCount(candidate.text)
        }
        chosen += antecedents(of: chosen, among: candidates, words: words)
        return chosen.sorted { ($0.passageRank, $0.position) < ($1.passageRank, $1.position) }
    }

    /// The sentences that chosen sentences of the best passage refer back to: one that opens with a
    /// pronoun ("It sees no need to rely on the United States.") comes with the sentence before it,
    /// which says what "it" is, when the answer stays within `maxWords` (it may then hold more sentences
    /// than `maxSentences`). Sentences of other passages are left as they are: their antecedents are
    /// further from the question.
    func antecedents(of chosen: [Candidate], among candidates: [Candidate], words: Int) -> [Candidate] {
        var words = words
        var added: [Candidate] = []
        for sentence in chosen.sorted(by: { ($0.score, -$0.position) > ($1.score, -$1.position) })
        where sentence.passageRank == 0 && Self.opensWithPronoun(sentence.text) {
            guard let previous = candidates.first(where: { $0.passageRank == 0 && $0.position == sentence.position - 1 }),
                  !chosen.contains(previous), !added.contains(previous), !Self.isTooShort(previous.text),
                  words + Chunker.wordCount(previous.text) <= maxWords else { continue }
            added.append(previous)
            words += Chunker.wordCount(previous.text)
        }
        return added
    }

    /// Personal and demonstrative pronouns that, opening a sentence, refer to an earlier one.
    static let referringOpeners: Set<String> = ["it", "its", "they", "their", "them", "this", "these", "he", "she", "his", "her"]

    /// Whether `sentence`'s first word is one of `referringOpeners`.
    static func opensWithPronoun(_ sentence: String) -> Bool {
        let first = sentence.prefix { !$0.isWhitespace }.filter(\.isLetter).lowercased()
        return referringOpeners.contains(first)
    }

    /// Every sentence of `passages` with its score, and whether the score weighs meaning.
    func score(_ passages: ArraySlice<RankedPassage>, weights: [String: Double], topics: [String: String]) -> (candidates: [Candidate], usedMeaning: Bool) {
        let topScore = passages.first?.score ?? 0
        var topicWeights: [String: Double] = [:]
        for (term, weight) in weights { topicWeights[topics[term] ?? term] = max(topicWeights[topics[term] ?? term] ?? 0, weight) }
        let totalWeight = topicWeights.values.map { $0 * $0 }.orderIndependentSum()
        let sentences = passages.map { splitter.split($0.passage.text) }
        // Stored vectors align with the splitter's sentences by position; any other count is ignored.
        let similarities = zip(passages, sentences).map { ranked, sentences in
            ranked.sentenceSimilarities.flatMap { $0.count == sentences.count ? $0 : nil }
        }
        // Each passage's score relative to the best passage's, for the words' score and with meaning.
        let shares = passages.map { topScore > 0 ? $0.score / topScore : 0 }
        var candidates: [Candidate] = []
        for rank in sentences.indices {
            var previousTerms: [String] = []
            for (position, sentence) in sentences[rank].enumerated() {
                // A sentence that opens with a pronoun is about what the one before it names ("They see
                // the U.S. president as …" after "Today, the Kremlin is …"): it has that one's words too.
                let ownTerms = analyzer.terms(sentence)
                var terms = Set(ownTerms)
                if Self.opensWithPronoun(sentence) { terms.formUnion(previousTerms) }
                previousTerms = ownTerms
                var matchedTopics: [String: Double] = [:]
                for term in terms {
                    guard let weight = weights[term] else { continue }
                    matchedTopics[topics[term] ?? term] = max(matchedTopics[topics[term] ?? term] ?? 0, weight)
                }
                // Summed independently of the dictionary's order, which changes from run to run: two
                // sentences with the same topics score the same, and the earlier is chosen.
                let termWeight = matchedTopics.values.orderIndependentSum()
                let coverage = totalWeight > 0 ? matchedTopics.values.map { $0 * $0 }.orderIndependentSum() / totalWeight : 0
                let score = Self.isTooShort(sentence) ? 0 : termWeight + coverage + 0.5 * shares[rank] * (matchedTopics.isEmpty ? 0.2 : 1)
                candidates.append(Candidate(passageRank: rank, position: position, text: sentence, terms: terms, score: score))
            }
        }
        // Cosines line up with the candidates only when every passage has them.
        guard similarities.allSatisfy({ $0 != nil }) else { return (candidates, false) }
        let cosines = similarities.flatMap { $0 ?? [] }
        guard let bestSimilarity = zip(sentences.joined(), cosines).filter({ !Self.isTooShort($0.0) }).map(\.1).max(),
              let bestByWords = candidates.map(\.score).max(), bestByWords > 0 else {
            return (candidates, false)
        }
        let passageFactors = shares.map { topScore > 0 ? pow(max($0, 0), passageExponent) : 1 }
        for (index, cosine) in cosines.enumerated() where candidates[index].score > 0 {
            let fused = lexicalWeight * candidates[index].score / bestByWords + (1 - lexicalWeight) * cosine
            candidates[index].score = cosine < bestSimilarity - meaningFloor ? 0 : passageFactors[candidates[index].passageRank] * fused
        }
        return (candidates, true)
    }

    /// Whether `sentence` is too short to quote on its own ("Yes.").
    static func isTooShort(_ sentence: String) -> Bool {
        Chunker.wordCount(sentence) < 4
    }

    /// Jaccard similarity of two term sets.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}
