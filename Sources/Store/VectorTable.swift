/// A store's passage vectors, read into memory once, compared with a question's vector.
///
/// - Complexity: one pass over every vector per question: 388 bytes a passage, about 39 MB for 100,000.
public struct VectorTable: Sendable {
    /// The passage of each vector, ascending.
    public let docs: [Int32]
    /// The components of all vectors, one after the other (`QuantizedVector` levels).
    let levels: [Int8]
    /// Each vector's scale.
    let scales: [Float]
    /// The length of each vector.
    public let dimensions: Int

    init(docs: [Int32], levels: [Int8], scales: [Float], dimensions: Int) {
        self.docs = docs
        self.levels = levels
        self.scales = scales
        self.dimensions = dimensions
    }

    /// How many passages have a vector.
    public var count: Int { docs.count }

    /// The cosine of `query`, a unit vector, with each passage's vector, in `docs` order; only the
    /// passages in `allowed` when it is given (the others get nil).
    public func similarities(to query: [Float], allowed: Set<Int32>? = nil) -> [Float?] {
        precondition(query.count == dimensions, "the question's vector has another length than the store's")
        return levels.withUnsafeBufferPointer { levels in
            query.withUnsafeBufferPointer { query in
                docs.indices.map { row -> Float? in
                    if let allowed, !allowed.contains(docs[row]) { return nil }
                    let start = row * dimensions
                    var sum: Float = 0
                    for component in 0..<dimensions { sum += query[component] * Float(levels[start + component]) }
                    return sum * scales[row]
                }
            }
        }
    }
}
