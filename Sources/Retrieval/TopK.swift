/// Keeps the `k` best-scoring items seen so far in a bounded min-heap.
///
/// Ties are broken by the smaller passage number, so results are deterministic.
///
/// - Complexity: O(log k) per insertion, O(k log k) to read the result.
public struct TopK: Sendable {
    public let k: Int
    private var heap: [(score: Double, passage: Int32)] = []

    public init(k: Int) {
        self.k = max(0, k)
        heap.reserveCapacity(self.k)
    }

    /// The smallest score in the heap once it is full; anything not above it cannot enter.
    public var threshold: Double? {
        heap.count == k ? heap.first?.score : nil
    }

    /// Offers one scored passage.
    public mutating func insert(score: Double, passage: Int32) {
        guard k > 0 else { return }
        if heap.count < k {
            heap.append((score, passage))
            siftUp(heap.count - 1)
        } else if let worst = heap.first, Self.isBetter((score, passage), than: worst) {
            heap[0] = (score, passage)
            siftDown(0)
        }
    }

    /// The kept items, best first.
    public func sorted() -> [(score: Double, passage: Int32)] {
        heap.sorted { Self.isBetter($0, than: $1) }
    }

    static func isBetter(_ a: (score: Double, passage: Int32), than b: (score: Double, passage: Int32)) -> Bool {
        a.score != b.score ? a.score > b.score : a.passage < b.passage
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isBetter(heap[parent], than: heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var worst = parent
            for child in (2 * parent + 1)...(2 * parent + 2) where child < heap.count && Self.isBetter(heap[worst], than: heap[child]) {
                worst = child
            }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
