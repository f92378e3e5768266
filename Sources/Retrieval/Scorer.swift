/// What one query term in one field added to a passage's score.
public struct Contribution: Sendable, Equatable {
    public var term: String
    /// The word behind the term (see `QueryTerm.word`).
    public var word: String
    public var field: Field
    public var origin: TermOrigin
    /// The term's weight in the normalised query vector of the field, times the field's weight.
    public var queryWeight: Double
    /// The term's weight in the passage's field (`TermSaturation`).
    public var passageWeight: Double
    /// `queryWeight × passageWeight`: what it added to the score.
    public var value: Double

    public init(term: String, word: String, field: Field, origin: TermOrigin, queryWeight: Double, passageWeight: Double, value: Double) {
        self.term = term
        self.word = word
        self.field = field
        self.origin = origin
        self.queryWeight = queryWeight
        self.passageWeight = passageWeight
        self.value = value
    }
}

/// A ranked passage with its score and, on request, how the score came about.
public struct Hit: Sendable, Equatable {
    /// The passage's number in the index.
    public var passage: Int32
    public var score: Double
    /// Every term and field that matched, largest contribution first (empty unless explained).
    public var contributions: [Contribution]

    public init(passage: Int32, score: Double, contributions: [Contribution]) {
        self.passage = passage
        self.score = score
        self.contributions = contributions
    }
}

/// Ranks passages by field-weighted BM25.
///
/// For each field the query becomes a TF-IDF vector (each term's weight × its IDF in that
/// field), L2-normalised; a passage's score is the sum over fields of the field weight times the
/// dot product with the passage's saturated term frequencies in that field (`TermSaturation`):
/// BM25 per field, divided by the query vector's length.
///
/// ```swift
/// let hits = try Scorer().search(Query(text: "sanctions", analyzer: analyzer), in: index, k: 5)
/// ```
public struct Scorer: Sendable {
    public var weights: FieldWeights

    public init(weights: FieldWeights = FieldWeights()) {
        self.weights = weights
    }

    /// The query's normalised weight per field and term, with the posting lists it reads.
    public struct Plan: Sendable {
        public var entries: [Entry]
        /// Each query term's weight in the normalised text-field query vector, matched or not.
        /// The squares sum to 1: a passage's share of them measures how much of the query it covers.
        public var textVector: [String: Double]
        /// The length of the text-field query vector before it was normalised (0 when it has no term).
        public var textNorm = 0.0

        public struct Entry: Sendable {
            public var term: QueryTerm
            public var field: Field
            /// The normalised query weight times the field weight.
            public var weight: Double
            public var list: PostingList
        }
    }

    /// The most passages an expansion term's posting list may hold to be read: 0.05% of the corpus,
    /// and never fewer than 100. A longer list belongs to a common word, which adds little to any score
    /// (its IDF is low, and capped at its source's) but costs the most to read and merge; on a small
    /// corpus every list is read. (0.5% and 1,000 before: at 100k passages the lower limit took the
    /// default search's p50 from 1.5 to 0.95 ms, and source in top 10 from 0.803 to 0.807.)
    public static func expansionFrequencyLimit(passageCount: Int) -> Int {
        max(100, passageCount / 2_000)
    }

    /// Lowers each expansion's IDF in `idfs` (one per term of `terms`) to that of the rarest word it stands for.
    ///
    /// An expansion is a stand-in for the user's word: a rare synonym of a common word would
    /// otherwise count for more than the word itself, and passages that happen to use it would
    /// outrank those with the words typed (measured at 100k passages: source in top 10 +0.01, and
    /// on the bundled corpus dev Hit@1 +0.02; Lucene's synonym query shares one statistic the same way).
    static func capExpansions(_ idfs: inout [Double], of terms: [QueryTerm]) {
        var typed = [String: Double](minimumCapacity: terms.count)
        for (term, idf) in zip(terms, idfs) where term.origin != .expansion { typed[term.term] = max(typed[term.term] ?? 0, idf) }
        for index in terms.indices where terms[index].origin == .expansion {
            if let cap = terms[index].sources.compactMap({ typed[$0] }).max() { idfs[index] = min(idfs[index], cap) }
        }
    }

    /// Reads the query terms' posting lists and weighs them.
    ///
    /// - Throws: Whatever `source` throws while reading.
    public func plan(_ query: Query, in source: PostingSource) throws -> Plan {
        var entries: [Plan.Entry] = []
        var textVector = [String: Double](minimumCapacity: query.terms.count)
        var textNorm = 0.0
        // Per field: each term's IDF and list, by the term's position in the query (the terms are not copied).
        var idfs = [Double](repeating: 0, count: query.terms.count)
        var lists = [PostingList?](repeating: nil, count: query.terms.count)
        for field in Field.allCases where weights[field] > 0 {
            for (index, term) in query.terms.enumerated() {
                let frequency: Int
                if term.origin == .expansion {
                    // Counted in the query's length even when its long list of postings is not read.
                    (frequency, lists[index]) = try source.postingList(for: term.term, in: field, ifAtMost: Self.expansionFrequencyLimit(passageCount: source.passageCount))
                } else {
                    lists[index] = try source.postingList(for: term.term, in: field)
                    frequency = lists[index]?.documentFrequency ?? 0
                }
                idfs[index] = TFIDF.inverseDocumentFrequency(documentFrequency: frequency, passageCount: source.passageCount)
            }
            // Another field where no term has postings adds nothing (a corpus of bare texts has no questions).
            if field != .text, lists.allSatisfy({ $0 == nil }) { continue }
            Self.capExpansions(&idfs, of: query.terms)
            let raw = zip(query.terms, idfs).map { $0.weight * $1 }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            if field == .text {
                for (term, weight) in zip(query.terms, raw) { textVector[term.term] = weight / norm }
                textNorm = norm
            }
            for (index, term) in query.terms.enumerated() {
                guard let list = lists[index] else { continue }
                entries.append(Plan.Entry(term: term, field: field, weight: weights[field] * raw[index] / norm, list: list))
            }
        }
        return Plan(entries: entries, textVector: textVector, textNorm: textNorm)
    }

    /// A score added to each passage that the query's terms find, which is at most `bound`: the
    /// weight of a search's stop words, which have no posting lists (`FunctionWordScorer`).
    public struct Bonus {
        public var bound: Double
        public var score: (Int32) -> Double
        /// How many contributions it may add to a passage when explained: room kept for them.
        public var contributionCount: Int

        public init(bound: Double, contributionCount: Int = 0, score: @escaping (Int32) -> Double) {
            self.bound = bound
            self.contributionCount = contributionCount
            self.score = score
        }
    }

    /// The `k` best passages for `query`.
    ///
    /// - Parameters:
    ///   - query: The analysed query.
    ///   - source: The index to read.
    ///   - k: How many passages to return.
    ///   - allowed: When given, only these passages may be returned.
    ///   - explain: Whether to fill in each hit's contributions.
    /// - Returns: At most `k` hits with a positive score, best first.
    /// - Throws: Whatever `source` throws while reading.
    /// - Complexity: O(p + k log k) for p postings read.
    public func search(_ query: Query, in source: PostingSource, k: Int, allowed: Set<Int32>? = nil, explain: Bool = false) throws -> [Hit] {
        rank(try plan(query, in: source), k: k, allowed: allowed, explain: explain)
    }

    /// The `k` best passages for a planned query (see `search`).
    ///
    /// Ranks document at a time with MaxScore pruning (see `MaxScore`); the result is exactly that
    /// of scoring every posting. Entries with a non-positive weight, which no bound covers, are
    /// scored exhaustively instead.
    public func rank(_ plan: Plan, k: Int, allowed: Set<Int32>? = nil, explain: Bool = false, bonus: Bonus? = nil) -> [Hit] {
        let top: TopK
        if plan.entries.allSatisfy({ $0.weight > 0 }) {
            top = MaxScore(lists: plan.entries.map(\.list.postings), weights: plan.entries.map(\.weight)).top(k, allowed: allowed, bonus: bonus)
        } else {
            top = Self.exhaustive(plan, k: k, allowed: allowed, bonus: bonus)
        }
        let ranked = top.sorted()
        let contributions = explain ? Self.contributions(of: ranked.map(\.passage), in: plan, spare: bonus?.contributionCount ?? 0)
            : Array(repeating: [], count: ranked.count)
        return zip(ranked, contributions).map { Hit(passage: $0.passage, score: $0.score, contributions: $1) }
    }

    /// Scores every posting of the plan into one dense array, then keeps the best `k`.
    static func exhaustive(_ plan: Plan, k: Int, allowed: Set<Int32>?, bonus: Bonus? = nil) -> TopK {
        let passages = Int(plan.entries.map { $0.list.postings.last?.passage ?? -1 }.max() ?? -1) + 1
        var scores = [Double](repeating: 0, count: passages)
        for entry in plan.entries {
            for posting in entry.list.postings where allowed?.contains(posting.passage) ?? true {
                scores[Int(posting.passage)] += entry.weight * Double(posting.weight)
            }
        }
        var top = TopK(k: k)
        for (passage, score) in scores.enumerated() where score > 0 {
            top.insert(score: score + (bonus?.score(Int32(passage)) ?? 0), passage: Int32(passage))
        }
        return top
    }

    /// For each of `passages`, every entry of `plan` that matched it, largest first, in an array with
    /// room for `spare` more (what a `Bonus` adds).
    ///
    /// Each list is walked once over the passages in ascending order, each posting found by galloping
    /// from the last (a ranked pool of 30 against 40 lists made 1,200 binary searches over whole lists).
    /// The matches are noted as numbers and counted first, so that each passage's array is allocated
    /// once at its size: appended one by one, contributions took four allocations a passage.
    public static func contributions(of passages: [Int32], in plan: Plan, spare: Int) -> [[Contribution]] {
        let ascending = passages.indices.sorted { passages[$0] < passages[$1] }
        var matches = [(passage: Int, entry: Int, weight: Float)]()
        matches.reserveCapacity(passages.count * plan.entries.count)
        var counts = [Int](repeating: 0, count: passages.count)
        for (at, entry) in plan.entries.enumerated() {
            entry.list.postings.withUnsafeBufferPointer { postings in
                var cursor = 0
                for index in ascending {
                    cursor = PostingList.advance(cursor, to: Int64(passages[index]), end: postings.count, in: postings)
                    guard cursor < postings.count else { break }
                    guard postings[cursor].passage == passages[index] else { continue }
                    matches.append((index, at, postings[cursor].weight))
                    counts[index] += 1
                }
            }
        }
        var result = counts.map { count in
            var contributions: [Contribution] = []
            contributions.reserveCapacity(count + spare)
            return contributions
        }
        for match in matches {
            let entry = plan.entries[match.entry]
            let weight = Double(match.weight)
            result[match.passage].append(Contribution(
                term: entry.term.term, word: entry.term.word, field: entry.field, origin: entry.term.origin,
                queryWeight: entry.weight, passageWeight: weight, value: entry.weight * weight))
        }
        for index in result.indices { result[index].sort { $0.value > $1.value } }
        return result
    }
}
