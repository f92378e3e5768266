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
    let lists: [[Posting]]
    let weights: [Double]
    /// Lists by ascending bound.
    private let order: [Int]
    /// `prefix[j]`: the sum of the bounds of `order[0..<j]`.
    private let prefix: [Double]
    /// A margin for rounding: a bound counts as below the threshold only when clearly so.
    private static let slack = 1e-9

    init(lists: [[Posting]], weights: [Double], maxWeights: [Float]) {
        self.lists = lists
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
        var cursor = [Int](repeating: 0, count: lists.count)
        var firstEssential = 0
        while true {
            // The next candidate: the smallest passage at an essential list's cursor.
            var candidate = Int32.max
            for position in firstEssential..<order.count {
                let list = order[position]
                if cursor[list] < lists[list].count { candidate = min(candidate, lists[list][cursor[list]].passage) }
            }
            guard candidate != .max else { return top }
            var bound = prefix[firstEssential]
            for position in firstEssential..<order.count {
                let list = order[position]
                if cursor[list] < lists[list].count, lists[list][cursor[list]].passage == candidate {
                    bound += weights[list] * Double(lists[list][cursor[list]].weight)
                }
            }
            let threshold = top.threshold ?? 0
            if bound * (1 + Self.slack) >= threshold, allowed?.contains(candidate) ?? true {
                var score = 0.0
                for list in lists.indices {
                    advance(&cursor[list], in: lists[list], to: candidate)
                    if cursor[list] < lists[list].count, lists[list][cursor[list]].passage == candidate {
                        score += weights[list] * Double(lists[list][cursor[list]].weight)
                    }
                }
                if score > 0 {
                    top.insert(score: score, passage: candidate)
                    if let threshold = top.threshold {
                        while firstEssential < order.count, prefix[firstEssential + 1] * (1 + Self.slack) < threshold { firstEssential += 1 }
                    }
                }
            }
            for position in firstEssential..<order.count {
                let list = order[position]
                if cursor[list] < lists[list].count, lists[list][cursor[list]].passage == candidate { cursor[list] += 1 }
            }
        }
    }

    /// Moves `cursor` to the first posting of `list` at or after `passage`, galloping then bisecting.
    private func advance(_ cursor: inout Int, in list: [Posting], to passage: Int32) {
        guard cursor < list.count, list[cursor].passage < passage else { return }
        var step = 1
        var low = cursor
        var high = cursor + 1
        while high < list.count, list[high].passage < passage {
            low = high
            step *= 2
            high = low + step
        }
        high = min(high, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle].passage < passage { low = middle + 1 } else { high = middle }
        }
        cursor = low
    }
}
