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
        heap.withUnsafeMutableBufferPointer { heap in
            var child = start
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isBetter(heap[parent], than: moving) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    /// Moves the root down to its place; on the buffer, as it runs for most passages a search keeps.
    private mutating func siftDown(_ start: Int) {
        heap.withUnsafeMutableBufferPointer { heap in
            var parent = start
            let moving = heap[parent]
            while true {
                var worst = 2 * parent + 1
                guard worst < heap.count else { break }
                if worst + 1 < heap.count, Self.isBetter(heap[worst], than: heap[worst + 1]) { worst += 1 }
                guard Self.isBetter(moving, than: heap[worst]) else { break }
                heap[parent] = heap[worst]
                parent = worst
            }
            heap[parent] = moving
        }
    }
}
