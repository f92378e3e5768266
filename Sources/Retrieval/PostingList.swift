/// One passage's weight for a term: an entry of a posting list.
public struct Posting: Sendable, Equatable {
    /// The passage's number in the index (0-based, in build order).
    public var passage: Int32
    /// The term's weight in the passage's field (`TermSaturation`), 0…1.
    public var weight: Float

    public init(passage: Int32, weight: Float) {
        self.passage = passage
        self.weight = weight
    }
}

/// The passages that contain a term in a field, ascending by passage number.
public struct PostingList: Sendable, Equatable {
    /// In how many passages the term occurs in this field.
    public var documentFrequency: Int
    /// The largest weight in `postings`.
    public var maxWeight: Float
    /// The postings, sorted by passage.
    public var postings: [Posting]

    public init(postings: [Posting]) {
        self.postings = postings
        documentFrequency = postings.count
        maxWeight = postings.reduce(0) { max($0, $1.weight) }
    }

    /// A list whose largest weight is known (a store keeps it), which saves a pass over the postings.
    package init(postings: [Posting], maxWeight: Float) {
        self.postings = postings
        documentFrequency = postings.count
        self.maxWeight = maxWeight
    }
}

/// Where a scorer reads the statistics and postings of terms: an in-memory index or a store.
///
/// Scoring depends only on this, so the same scorer ranks identically over both.
public protocol PostingSource {
    /// How many passages the index holds.
    var passageCount: Int { get }
    /// The posting list of `term` in `field`, or nil when no passage has it there.
    func postingList(for term: String, in field: Field) throws -> PostingList?
    /// In how many passages `term` occurs in `field`, without reading its postings where the source can.
    func documentFrequency(of term: String, in field: Field) throws -> Int
    /// In how many passages `term` occurs in `field`, with its posting list only when that is at
    /// most `limit` (a store answers both from one row).
    func postingList(for term: String, in field: Field, ifAtMost limit: Int) throws -> (documentFrequency: Int, list: PostingList?)
}

extension PostingSource {
    public func documentFrequency(of term: String, in field: Field) throws -> Int {
        try postingList(for: term, in: field)?.documentFrequency ?? 0
    }

    public func postingList(for term: String, in field: Field, ifAtMost limit: Int) throws -> (documentFrequency: Int, list: PostingList?) {
        let frequency = try documentFrequency(of: term, in: field)
        return (frequency, frequency > 0 && frequency <= limit ? try postingList(for: term, in: field) : nil)
    }
}

extension PostingList {
    /// The first position at or after `cursor` (and before `end`) whose passage is at least
    /// `passage`, galloping then bisecting.
    static func advance(_ cursor: Int, to passage: Int64, end: Int, in postings: UnsafeBufferPointer<Posting>) -> Int {
        guard cursor < end, Int64(postings[cursor].passage) < passage else { return cursor }
        var step = 1
        var low = cursor
        var high = cursor + 1
        while high < end, Int64(postings[high].passage) < passage {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, end)
        while low < high {
            let middle = (low + high) / 2
            if Int64(postings[middle].passage) < passage { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
