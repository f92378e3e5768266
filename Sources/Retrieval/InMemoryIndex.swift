import Corpus

/// An index held in memory: the reference the SQLite store is written from and checked against.
///
/// Each term of each field of each passage gets its `TermSaturation` weight, stored in posting
/// lists per field and term.
///
/// - Complexity: building is O(total words); memory is O(postings).
public struct InMemoryIndex: PostingSource, Sendable {
    /// The indexed passages; a posting's `passage` is an index into this array.
    public let passages: [Passage]
    /// The posting lists by field, then term.
    public let lists: [Field: [String: PostingList]]

    public var passageCount: Int { passages.count }

    /// Indexes `passages` with `analyzer`.
    public init(passages: [Passage], analyzer: Analyzer = Analyzer()) {
        self.passages = passages
        var lists: [Field: [String: PostingList]] = [:]
        let lead = Self.leadFactors(passages)
        var capitalized: [String: (capitalized: Int, total: Int)] = [:]
        for field in Field.allCases {
            let counts = passages.map { passage in
                let tokens = analyzer.tokens(field.content(of: passage))
                if field == .text {
                    for token in tokens {
                        capitalized[token.term, default: (0, 0)].total += 1
                        if token.isCapitalized { capitalized[token.term, default: (0, 0)].capitalized += 1 }
                    }
                }
                return Self.termCounts(tokens.map(\.term))
            }
            lists[field] = Self.postingLists(counts: counts, scale: field == .question ? lead : nil)
        }
        self.lists = lists
        names = Set(capitalized.filter { $0.value.capitalized * 5 >= $0.value.total * 4 }.keys)
    }

    /// The text terms written with a capital letter at least four times in five: names
    /// ("Kremlin", "Kiev"), which spelling variants of names may be matched to.
    public let names: Set<String>

    public func postingList(for term: String, in field: Field) -> PostingList? {
        lists[field]?[term]
    }

    /// How much the question field counts for each passage (see `LeadPrior`).
    public static func leadFactors(_ passages: [Passage]) -> [Double] {
        var prior = LeadPrior()
        return passages.map { prior.next($0) }
    }

    /// How often each term occurs in `terms`.
    public static func termCounts(_ terms: [String]) -> [String: Int] {
        terms.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Posting lists for one field from each passage's term counts, in passage order.
    ///
    /// - Parameters:
    ///   - counts: For each passage, how often each term occurs in the field.
    ///   - scale: Optional per-passage factors applied to the weights.
    /// - Returns: For each term, its postings with `TermSaturation.standard` weights, quantised (`WeightQuantization`).
    public static func postingLists(counts: [[String: Int]], scale: [Double]? = nil) -> [String: PostingList] {
        let lengths = counts.map { $0.values.reduce(0, +) }
        let averageLength = TermSaturation.averageLength(totalLength: lengths.reduce(0, +), passages: lengths.filter { $0 > 0 }.count)
        var postings: [String: [Posting]] = [:]
        for (passage, passageCounts) in counts.enumerated() {
            let factor = scale?[passage] ?? 1
            for (term, count) in passageCounts {
                let weight = TermSaturation.standard.weight(count: count, length: lengths[passage], averageLength: averageLength)
                postings[term, default: []].append(Posting(passage: Int32(passage), weight: WeightQuantization.quantised(weight * factor)))
            }
        }
        return postings.mapValues(PostingList.init(postings:))
    }
}
