import Corpus

/// A TF-IDF index held in memory: the reference the SQLite store is written from and checked against.
///
/// Each field of each passage becomes a sublinear-tf × smoothed-idf vector, L2-normalised,
/// stored as posting lists per field and term.
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
            lists[field] = Self.postingLists(counts: counts, passageCount: passages.count, scale: field == .question ? lead : nil)
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

    /// How much the question field counts for each passage: the lead prior.
    ///
    /// An answer states its point first and elaborates after, so a match on the question counts
    /// fully for the first paragraph of an answer and less for each later one:
    /// `1 / (1 + leadDecay × (position − 1))`, where position counts the consecutive passages of one
    /// source that answer the same question.
    public static func leadFactors(_ passages: [Passage]) -> [Double] {
        var factors: [Double] = []
        var position = 0
        for (index, passage) in passages.enumerated() {
            let previous = index > 0 ? passages[index - 1] : nil
            position = previous?.source == passage.source && previous?.question == passage.question ? position + 1 : 1
            factors.append(1 / (1 + leadDecay * Double(position - 1)))
        }
        return factors
    }

    /// How fast the lead prior falls with a paragraph's position in its answer.
    public static let leadDecay = 0.5

    /// How often each term occurs in `terms`.
    public static func termCounts(_ terms: [String]) -> [String: Int] {
        terms.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// Posting lists for one field from each passage's term counts, in passage order.
    ///
    /// - Parameters:
    ///   - counts: For each passage, how often each term occurs in the field.
    ///   - passageCount: N, the number of passages in the whole index.
    /// - Returns: For each term, its postings with L2-normalised TF-IDF weights.
    ///   - scale: Optional per-passage factors applied after normalisation.
    public static func postingLists(counts: [[String: Int]], passageCount: Int, scale: [Double]? = nil) -> [String: PostingList] {
        var documentFrequency: [String: Int] = [:]
        for passageCounts in counts {
            for term in passageCounts.keys { documentFrequency[term, default: 0] += 1 }
        }
        var postings: [String: [Posting]] = [:]
        for (passage, passageCounts) in counts.enumerated() {
            var weights: [String: Double] = [:]
            for (term, count) in passageCounts {
                let idf = TFIDF.inverseDocumentFrequency(documentFrequency: documentFrequency[term] ?? 0, passageCount: passageCount)
                weights[term] = TFIDF.termFrequency(count) * idf
            }
            let factor = scale?[passage] ?? 1
            for (term, weight) in TFIDF.normalised(weights) {
                postings[term, default: []].append(Posting(passage: Int32(passage), weight: Float(weight * factor)))
            }
        }
        return postings.mapValues(PostingList.init(postings:))
    }
}
