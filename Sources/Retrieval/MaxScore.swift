/// Document-at-a-time top-k over posting lists with MaxScore pruning.
///
/// Each list's bound is its query weight times its largest posting weight. Lists are ordered by
/// bound; once the k-th best score exceeds the sum of the smallest bounds, those lists are
/// "non-essential": a passage found in none of the others cannot enter the top k, so candidates are
/// taken only from the essential lists and the others are searched just for those candidates.
/// A candidate's score is summed over the lists in plan order, as exhaustive scoring sums it, so the
/// result is exactly the exhaustive top k.
///
/// - Complexity: O(p) for p postings of the essential lists, plus O(log) searches in the others.
struct MaxScore {
    /// Every list's passages and weights, concatenated: list `i` spans `starts[i]..<ends[i]`.
    private let passages: [Int32]
    private let postingWeights: [Float]
    private let starts: [Int]
    private let ends: [Int]
    let weights: [Double]
    /// Lists by ascending bound.
    private let order: [Int]
    /// `prefix[j]`: the sum of the bounds of `order[0..<j]`.
    private let prefix: [Double]
    /// A margin for rounding: a bound counts as below the threshold only when clearly so.
    private static let slack = 1e-9

    init(lists: [[Posting]], weights: [Double], maxWeights: [Float]) {
        var passages: [Int32] = []
        var postingWeights: [Float] = []
        var starts: [Int] = []
        var ends: [Int] = []
        let total = lists.reduce(0) { $0 + $1.count }
        passages.reserveCapacity(total)
        postingWeights.reserveCapacity(total)
        for list in lists {
            starts.append(passages.count)
            for posting in list {
                passages.append(posting.passage)
                postingWeights.append(posting.weight)
            }
            ends.append(passages.count)
        }
        self.passages = passages
        self.postingWeights = postingWeights
        self.starts = starts
        self.ends = ends
        self.weights = weights
        let bounds = zip(weights, maxWeights).map { $0 * Double($1) }
        order = bounds.indices.sorted { bounds[$0] < bounds[$1] }
        var sums = [0.0]
        for index in order { sums.append(sums[sums.count - 1] + bounds[index]) }
        prefix = sums
    }

    /// The `k` best passages with a positive score, restricted to `allowed` when given.
    func top(_ k: Int, allowed: Set<Int32>?) -> TopK {
        var top = TopK(k: k)
        guard k > 0 else { return top }
        var cursors = starts
        passages.withUnsafeBufferPointer { passages in
            postingWeights.withUnsafeBufferPointer { postingWeights in
                cursors.withUnsafeMutableBufferPointer { cursor in
                var firstEssential = 0
                let count = weights.count
                while true {
                    // The next candidate: the smallest passage at an essential list's cursor.
                    var candidate = Int32.max
                    for position in firstEssential..<count {
                        let list = order[position]
                        if cursor[list] < ends[list] { candidate = min(candidate, passages[cursor[list]]) }
                    }
                    guard candidate != .max else { return }
                    var bound = prefix[firstEssential]
                    for position in firstEssential..<count {
                        let list = order[position]
                        if cursor[list] < ends[list], passages[cursor[list]] == candidate {
                            bound += weights[list] * Double(postingWeights[cursor[list]])
                        }
                    }
                    if bound * (1 + Self.slack) >= top.threshold ?? 0, allowed?.contains(candidate) ?? true {
                        var score = 0.0
                        for list in 0..<count {
                            cursor[list] = Self.advance(cursor[list], to: candidate, end: ends[list], in: passages)
                            if cursor[list] < ends[list], passages[cursor[list]] == candidate {
                                score += weights[list] * Double(postingWeights[cursor[list]])
                            }
                        }
                        if score > 0 {
                            top.insert(score: score, passage: candidate)
                            if let threshold = top.threshold {
                                while firstEssential < count, prefix[firstEssential + 1] * (1 + Self.slack) < threshold { firstEssential += 1 }
                            }
                        }
                    }
                    for position in firstEssential..<count {
                        let list = order[position]
                        if cursor[list] < ends[list], passages[cursor[list]] == candidate { cursor[list] += 1 }
                    }
                }
                }
            }
        }
        return top
    }

    /// The first position at or after `cursor` (and before `end`) whose passage is at least
    /// `passage`, galloping then bisecting.
    private static func advance(_ cursor: Int, to passage: Int32, end: Int, in passages: UnsafeBufferPointer<Int32>) -> Int {
        guard cursor < end, passages[cursor] < passage else { return cursor }
        var step = 1
        var low = cursor
        var high = cursor + 1
        while high < end, passages[high] < passage {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, end)
        while low < high {
            let middle = (low + high) / 2
            if passages[middle] < passage { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
