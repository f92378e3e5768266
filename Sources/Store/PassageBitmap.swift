/// A set of passage numbers, one bit each: the passages that have one stop word (`FunctionWordTable`).
public struct PassageBitmap: Sendable {
    /// Passage `doc` is bit `doc % 64` of `words[doc / 64]`.
    @usableFromInline let words: [UInt64]

    /// Whether passage `doc` is in the set; inlinable, as a search asks it for every passage it scores.
    @inlinable
    public func contains(_ doc: Int32) -> Bool {
        words.withUnsafeBufferPointer { $0[Int(doc) >> 6] >> UInt64(doc & 63) & 1 == 1 }
    }

    /// How many `UInt64` words hold `passageCount` bits.
    static func wordCount(passageCount: Int) -> Int {
        (passageCount + 63) / 64
    }
}
