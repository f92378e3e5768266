/// The vectors of one passage's sentences, as `SentenceSplitter` splits its text and in that order,
/// kept as one blob of `QuantizedVector`s (each 388 bytes for 384 dimensions) under the passage's number.
public enum SentenceVectors {
    /// The blob of `vectors`, one after the other.
    static func encode(_ vectors: [[Float]]) -> [UInt8] {
        vectors.flatMap(QuantizedVector.encode)
    }

    /// The cosine of `query`, a unit vector, with each vector of `bytes`, in order; nil when `bytes` is
    /// not a whole number of vectors of the query's length.
    static func similarities(of bytes: UnsafeRawBufferPointer, to query: [Float]) -> [Double]? {
        let stride = 4 + query.count
        guard !query.isEmpty, bytes.count % stride == 0 else { return nil }
        return (0..<(bytes.count / stride)).map { index in
            let vector = UnsafeRawBufferPointer(rebasing: bytes[(index * stride)..<((index + 1) * stride)])
            var sum: Float = 0
            for component in query.indices {
                sum += query[component] * Float(Int8(bitPattern: vector[4 + component]))
            }
            return Double(sum * QuantizedVector.scale(of: vector))
        }
    }
}
