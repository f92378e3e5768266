/// How often each term occurs in one field of one passage, counted by term number.
///
/// Reused from passage to passage: counting and clearing cost O(occurrences), not O(vocabulary).
struct TermTally {
    private var counts: [Int32] = []
    /// The distinct term numbers counted since the last `clear`, in order of first occurrence.
    private(set) var terms: [Int32] = []

    /// Counts one occurrence of the term numbered `id`.
    mutating func add(_ id: Int32) {
        let index = Int(id)
        if index >= counts.count { counts += repeatElement(0, count: max(index + 1 - counts.count, counts.count)) }
        if counts[index] == 0 { terms.append(id) }
        counts[index] += 1
    }

    /// How often the term numbered `id` was counted.
    func count(of id: Int32) -> Int32 {
        Int(id) < counts.count ? counts[Int(id)] : 0
    }

    /// Forgets every count.
    mutating func clear() {
        for id in terms { counts[Int(id)] = 0 }
        terms.removeAll(keepingCapacity: true)
    }
}
