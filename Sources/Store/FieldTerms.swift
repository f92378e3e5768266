/// The distinct terms of one field met while reading a corpus, with their document frequencies
/// and the field's total length.
///
/// Terms are numbered in order of first appearance; once reading is done, `rank` gives each its
/// position in sorted order, which is the order the store writes them in.
struct FieldTerms {
    private var ids: [String: Int32] = [:]
    /// The terms by number.
    private(set) var terms: [String] = []
    /// In how many passages each term occurs.
    private(set) var documentFrequency: [Int32] = []
    /// For each term, its number of occurrences and of capitalised occurrences (text field only).
    private(set) var capitalization: [(capitalized: Int32, total: Int32)] = []

    /// How many terms all passages have in this field, and how many passages have any: BM25's
    /// average field length (`TermSaturation`).
    private(set) var totalLength = 0
    private(set) var passagesWithTerms = 0

    /// Counts one passage's `length` terms in this field.
    mutating func countLength(_ length: Int) {
        guard length > 0 else { return }
        totalLength += length
        passagesWithTerms += 1
    }

    /// The number of `term`, numbering it if new.
    mutating func id(of term: String) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(terms.count)
        ids[term] = id
        terms.append(term)
        documentFrequency.append(0)
        capitalization.append((0, 0))
        return id
    }

    /// Counts one passage that has the term numbered `id`.
    mutating func countPassage(_ id: Int32) {
        documentFrequency[Int(id)] += 1
    }

    /// Counts one occurrence of the term numbered `id`, capitalised or not.
    mutating func countOccurrence(of id: Int32, capitalized: Bool) {
        capitalization[Int(id)].total += 1
        if capitalized { capitalization[Int(id)].capitalized += 1 }
    }

    /// For each term number, the term's position in sorted order.
    func ranks() -> [Int32] {
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        var rank = [Int32](repeating: 0, count: terms.count)
        for (position, id) in order.enumerated() { rank[id] = Int32(position) }
        return rank
    }

    /// The terms written with a capital letter at least four times in five (see `InMemoryIndex.names`).
    var names: Set<String> {
        Set(terms.indices.lazy.filter { self.capitalization[$0].capitalized * 5 >= self.capitalization[$0].total * 4 && self.capitalization[$0].total > 0 }.map { self.terms[$0] })
    }
}
