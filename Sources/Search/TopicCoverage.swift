import Foundation
import Retrieval

/// How much of what a question is about a passage covers.
///
/// The question's informative terms are its user's terms and those carried from earlier turns,
/// leaving out framing and very common words (`QuestionWords.nonTopical`). Each weighs its
/// weight in the normalised text-field query vector divided by its query weight, so its IDF alone
/// counts and a carried term counts as much as a typed one. A passage covers a term fully when it
/// has the term in its text or question, and by `expansionCredit` when it has only one of the
/// term's expansions or spelling corrections.
///
/// Used twice: as evidence for abstention (shares of squared weights, `exponent` 2) and to rank
/// passages that cover more of the question's topics above those that match one word strongly
/// (shares of plain weights, `exponent` 1).
public struct TopicCoverage: Sendable {
    /// The informative terms with the words they were written as, in query order.
    let informative: [(term: String, word: String)]

    /// How much of a term an expansion or correction of it covers.
    public static let expansionCredit = 0.8

    /// The coverage measure of `query`, whose normalised text-field weights are `textVector`, and of
    /// a search's stop words with their weights (`FunctionWordScorer`), each one more topic: a span
    /// of a passage is told from passages that share its rarer words by its function words too.
    public init(query: Query, textVector: [String: Double], functionWords: [(word: String, weight: Double)] = []) {
        // Built for every search: one position per topic, each topic's stand-ins in one list, and
        // dictionaries only where a term is looked up (measured: 9.8 µs a search at 10k passages with
        // a dictionary of sets per topic).
        let nonTopical = QuestionWords.nonTopical
        let informative = query.terms.filter { $0.origin != .expansion && !nonTopical.contains($0.word) }
        var position = [String: Int](minimumCapacity: informative.count + functionWords.count)
        var terms: [(term: String, weight: Double)] = []
        for term in informative {
            if let at = position[term.term] {
                terms[at].weight = max(terms[at].weight, term.weight)
            } else {
                position[term.term] = terms.count
                terms.append((term.term, term.weight))
            }
        }
        // The IDF-only weight: the normalised weight divided by the query weight.
        for index in terms.indices {
            terms[index].weight = abs(textVector[terms[index].term] ?? 0) / max(terms[index].weight, 1e-9)
        }
        var standIns = terms.indices.map { [terms[$0].term] }
        for term in query.terms where term.origin != .user {
            for source in term.sources {
                if let at = position[source], !standIns[at].contains(term.term) { standIns[at].append(term.term) }
            }
        }
        for (word, weight) in functionWords where !nonTopical.contains(word) && position[word] == nil {
            position[word] = terms.count
            terms.append((word, weight))
            standIns.append([word])
        }
        self.informative = informative.map { ($0.term, $0.word) }
        let order = terms.indices.sorted { terms[$0].term < terms[$1].term }
        topics = order.map { terms[$0] }
        var credits = [String: [(topic: Int, credit: Double)]](minimumCapacity: standIns.reduce(0) { $0 + $1.count })
        for (index, at) in order.enumerated() {
            for standIn in standIns[at] { credits[standIn, default: []].append((index, standIn == terms[at].term ? 1 : Self.expansionCredit)) }
        }
        creditsByTerm = credits
        plainTotal = topics.map(\.weight).orderIndependentSum()
        squaredTotal = topics.map { $0.weight * $0.weight }.orderIndependentSum()
    }

    /// Each informative term with its IDF-only weight in the normalised query vector, in term order.
    private let topics: [(term: String, weight: Double)]
    /// For each term that covers a topic (itself, or one of its expansions or corrections), the topics
    /// it covers, by index in `topics`, and by how much (1 itself, `expansionCredit` as a stand-in):
    /// a passage's matches are looked up here, as `coverage` runs for every passage of a pool.
    private let creditsByTerm: [String: [(topic: Int, credit: Double)]]
    /// The sums of the topics' weights (`orderIndependentSum`) and of their squares.
    private let plainTotal: Double
    private let squaredTotal: Double

    /// The words of informative terms that none of `passages` matches, itself or through an expansion.
    public func unmatchedWords(in passages: [RankedPassage]) -> [String] {
        var covered: Set<String> = []
        for contribution in passages.flatMap(\.contributions) {
            for (topic, _) in creditsByTerm[contribution.term] ?? [] { covered.insert(topics[topic].term) }
        }
        return informative.filter { !covered.contains($0.term) }.map(\.word)
    }

    /// How many informative terms (topics) the question has.
    public var topicCount: Int { topics.count }

    /// Whether the question has no informative term with any weight.
    public var isEmpty: Bool { !topics.contains { $0.weight > 0 } }

    /// The share of the question's informative weight that a passage with these matches covers.
    ///
    /// The weights are summed in ascending order (as `orderIndependentSum` does), so that two passages that cover equal
    /// weights (each a different but equally rare word) get the same share to the last bit, and the
    /// share is the same in every process: it re-ranks passages, where a last bit can decide a tie.
    ///
    /// - Parameters:
    ///   - contributions: The passage's matches; those in the expert field do not count.
    ///   - exponent: The power each term's weight is raised to before shares are taken.
    /// - Returns: The coverage, 0…1, and how many informative terms matched at all.
    public func coverage(of contributions: [Contribution], exponent: Double) -> (share: Double, matchedTerms: Int) {
        let total = switch exponent {
        case 1: plainTotal
        case 2: squaredTotal
        default: topics.map { Self.power($0.weight, exponent) }.orderIndependentSum()
        }
        // Runs for every passage of a pool: the topics' credits are kept on the stack.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: topics.count) { credits in
            credits.initialize(repeating: 0)
            for contribution in contributions where contribution.field != .expert {
                for (topic, credit) in creditsByTerm[contribution.term] ?? [] { credits[topic] = max(credits[topic], credit) }
            }
            var matched = 0
            for (index, topic) in topics.enumerated() where credits[index] > 0 {
                credits[matched] = credits[index] * Self.power(topic.weight, exponent)
                matched += 1
            }
            var covered = UnsafeMutableBufferPointer(rebasing: credits[..<matched])
            covered.sort()
            return (total > 0 ? covered.reduce(0, +) / total : 0, matched)
        }
    }

    /// `weight` to the power `exponent`, by multiplying for the exponents used (as `pow` gives them).
    static func power(_ weight: Double, _ exponent: Double) -> Double {
        switch exponent {
        case 1: weight
        case 2: weight * weight
        default: pow(weight, exponent)
        }
    }
}
