/// Top-k over posting lists with MaxScore pruning, a window of passage numbers at a time.
///
/// The passages are taken in aligned windows of consecutive numbers. In each window a list's bound
/// is its query weight times its largest posting weight there (0 when it has none there); lists
/// are ordered by bound, and once the k-th best score exceeds the sum of the smallest bounds, those
/// lists are "non-essential" for the window: a passage found in none of the others cannot enter the
/// top k. Bounds per window rather than per list matter for expanded queries, whose many small
/// lists would otherwise keep every long list essential.
///
/// The essential lists' postings are added into a small array, list after list in plan order (so are
/// the non-essential lists that have no more postings in the window: adding is cheaper than probing);
/// each passage found is then checked against the k-th score with the other lists' bounds, probing
/// those lists, largest first, only while it can still enter. A passage that can is scored again over
/// every list in plan order, as exhaustive scoring sums it, so the result is exactly the exhaustive top k;
/// in a window where no list is probed its sum already is that score.
///
/// - Complexity: O(p) for p postings of the essential lists, plus O(log) searches in the others.
struct MaxScore {
    /// Every list's postings, concatenated: list `i` spans `starts[i]..<ends[i]`.
    private let postings: [Posting]
    private let starts: [Int]
    private let ends: [Int]
    let weights: [Double]
    /// log2 of how many passage numbers a window spans: its sums (8 bytes each) stay in cache.
    private let shift: Int
    private let windowCount: Int
    /// `bounds[list * windowCount + window]`: the list's bound in that window.
    private let bounds: [Double]
    /// A margin for rounding: a bound counts as below the threshold only when clearly so.
    private static let slack = 1e-9

    /// - Parameter windowShift: log2 of a window's span (tests take small windows to cross many).
    init(lists: [[Posting]], weights: [Double], windowShift: Int = 12) {
        var postings: [Posting] = []
        postings.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var starts: [Int] = []
        var ends: [Int] = []
        for list in lists {
            starts.append(postings.count)
            postings.append(contentsOf: list)
            ends.append(postings.count)
        }
        let windowCount = Int(lists.map { $0.last?.passage ?? 0 }.max() ?? 0) >> windowShift + 1
        var bounds = [Double](repeating: 0, count: lists.count * windowCount)
        postings.withUnsafeBufferPointer { postings in
            for list in lists.indices {
                var window = -1
                var largest: Float = 0
                for posting in postings[starts[list]..<ends[list]] {
                    let next = Int(posting.passage) >> windowShift
                    if next != window {
                        if window >= 0 { bounds[list * windowCount + window] = weights[list] * Double(largest) }
                        window = next
                        largest = 0
                    }
                    largest = max(largest, posting.weight)
                }
                if window >= 0 { bounds[list * windowCount + window] = weights[list] * Double(largest) }
            }
        }
        self.postings = postings
        self.starts = starts
        self.ends = ends
        self.weights = weights
        shift = windowShift
        self.windowCount = windowCount
        self.bounds = bounds
    }

    /// The `k` best passages with a positive score, restricted to `allowed` when given; a `bonus`
    /// is added to the score of each passage the lists find, and its bound to every bound.
    func top(_ k: Int, allowed: Set<Int32>?, bonus: Scorer.Bonus? = nil) -> TopK {
        var top = TopK(k: k)
        guard k > 0 else { return top }
        let count = weights.count
        let size = 1 << shift
        // `cursors` walk the lists window by window; `exact` finds each list's posting for the
        // passages scored in plan order.
        var cursors = starts
        var exact = starts
        var sums = [Double](repeating: 0, count: size)
        var found = [UInt64](repeating: 0, count: size / 64)
        // Written before they are read, so not zeroed: at 10k passages zeroing them was a query's largest memset.
        var keptOffsets = [Int](unsafeUninitializedCapacity: size) { $1 = size }
        var keptSums = [Double](unsafeUninitializedCapacity: size) { $1 = size }
        // The lists with postings in the window by ascending bound, and the sums of those bounds
        // (then only the probed lists' bounds); where each list's postings here end; the lists added.
        var present = [Int](repeating: 0, count: count)
        var prefix = [Double](repeating: 0, count: count + 1)
        // Every sum of bounds starts from the bonus's.
        prefix[0] = bonus?.bound ?? 0
        var stops = [Int](repeating: 0, count: count)
        var adding = [Int](repeating: 0, count: count)
        // The k-th best score so far (0 until there are k): a passage must exceed it to enter.
        var threshold = 0.0
        postings.withUnsafeBufferPointer { postings in
        bounds.withUnsafeBufferPointer { bounds in
        cursors.withUnsafeMutableBufferPointer { cursor in
        exact.withUnsafeMutableBufferPointer { exact in
        sums.withUnsafeMutableBufferPointer { sums in
        found.withUnsafeMutableBufferPointer { found in
        keptOffsets.withUnsafeMutableBufferPointer { keptOffsets in
        keptSums.withUnsafeMutableBufferPointer { keptSums in
        present.withUnsafeMutableBufferPointer { present in
        prefix.withUnsafeMutableBufferPointer { prefix in
        stops.withUnsafeMutableBufferPointer { stops in
        adding.withUnsafeMutableBufferPointer { adding in
            while true {
                var next = Int32.max
                for list in 0..<count where cursor[list] < ends[list] { next = min(next, postings[cursor[list]].passage) }
                guard next != .max else { return }
                let window = Int(next) >> shift
                let first = Int32(window << shift)
                let end = Int64(first) + Int64(size)
                var presentCount = 0
                for list in 0..<count where cursor[list] < ends[list] && Int64(postings[cursor[list]].passage) < end {
                    let bound = bounds[list * windowCount + window]
                    var position = presentCount
                    while position > 0, bounds[present[position - 1] * windowCount + window] > bound {
                        present[position] = present[position - 1]
                        position -= 1
                    }
                    present[position] = list
                    presentCount += 1
                }
                for position in 0..<presentCount {
                    prefix[position + 1] = prefix[position] + bounds[present[position] * windowCount + window]
                }
                var essential = 0
                while essential < presentCount, prefix[essential + 1] * (1 + Self.slack) < threshold { essential += 1 }
                func add(_ list: Int, until stop: Int) {
                    let weight = weights[list]
                    for at in cursor[list]..<stop {
                        let offset = Int(postings[at].passage - first)
                        sums[offset] += weight * Double(postings[at].weight)
                        found[offset >> 6] |= 1 << UInt64(offset & 63)
                    }
                    cursor[list] = stop
                }
                // The lists to add: every essential one, and a non-essential one with no more postings
                // here than the essential ones (cheaper to add than to probe); the others are probed,
                // and their bounds summed again.
                var adds = 0
                var candidates = 0
                for position in essential..<presentCount {
                    let list = present[position]
                    stops[list] = PostingList.advance(cursor[list], to: end, end: ends[list], in: postings)
                    candidates += stops[list] - cursor[list]
                    adding[adds] = list
                    adds += 1
                }
                var probed = 0
                for position in 0..<essential {
                    let list = present[position]
                    stops[list] = PostingList.advance(cursor[list], to: end, end: ends[list], in: postings)
                    if stops[list] - cursor[list] <= candidates {
                        adding[adds] = list
                        adds += 1
                    } else {
                        present[probed] = list
                        prefix[probed + 1] = prefix[probed] + bounds[list * windowCount + window]
                        probed += 1
                    }
                }
                // Added in plan order, as exhaustive scoring adds: when no list is probed, a sum is
                // exactly the passage's score, and the passage need not be scored again.
                var added = UnsafeMutableBufferPointer(rebasing: adding[..<adds])
                added.sort()
                for list in added { add(list, until: stops[list]) }
                // The passages found, with their sums, kept without a branch while they can still
                // enter against the k-th score as it stood (it only rises): most cannot.
                let least = threshold / (1 + Self.slack) - prefix[probed]
                var kept = 0
                for word in 0..<found.count where found[word] != 0 {
                    var bits = found[word]
                    found[word] = 0
                    while bits != 0 {
                        let offset = word << 6 | bits.trailingZeroBitCount
                        bits &= bits - 1
                        keptOffsets[kept] = offset
                        keptSums[kept] = sums[offset]
                        kept += sums[offset] >= least ? 1 : 0
                        sums[offset] = 0
                    }
                }
                for index in 0..<kept {
                    let candidate = first + Int32(keptOffsets[index])
                    // The bonus is cheap to compute: the candidate's own replaces its bound.
                    let own = bonus?.score(candidate) ?? 0
                    var bound = keptSums[index] + own - prefix[0]
                    // The probed lists, largest bound first, while the candidate can still enter.
                    var position = probed
                    while (bound + prefix[position]) * (1 + Self.slack) >= threshold, position > 0 {
                        position -= 1
                        let list = present[position]
                        cursor[list] = PostingList.advance(cursor[list], to: Int64(candidate), end: ends[list], in: postings)
                        if cursor[list] < ends[list], postings[cursor[list]].passage == candidate {
                            bound += weights[list] * Double(postings[cursor[list]].weight)
                        }
                    }
                    guard (bound + prefix[position]) * (1 + Self.slack) >= threshold,
                          allowed?.contains(candidate) ?? true else { continue }
                    var score = keptSums[index]
                    if probed > 0 {
                        score = 0
                        for list in 0..<count {
                            exact[list] = PostingList.advance(exact[list], to: Int64(candidate), end: ends[list], in: postings)
                            if exact[list] < ends[list], postings[exact[list]].passage == candidate {
                                score += weights[list] * Double(postings[exact[list]].weight)
                            }
                        }
                    }
                    if score > 0 {
                        score += own
                        top.insert(score: score, passage: candidate)
                        threshold = top.threshold ?? 0
                    }
                }
                for position in 0..<probed { cursor[present[position]] = stops[present[position]] }
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        return top
    }
}
