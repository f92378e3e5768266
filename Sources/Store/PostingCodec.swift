import Retrieval

/// Packs posting lists into BLOBs: delta-encoded passage numbers as varints, weights as 16-bit levels.
///
/// Layout per posting: `varint(passage − previous passage)` then the weight's `WeightQuantization`
/// level, little-endian. Passages must be ascending; weights should already be quantised (any other
/// weight comes back rounded).
public enum PostingCodec {
    /// The bytes of `postings`.
    public static func encode(_ postings: [Posting]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 4)
        var previous: Int32 = 0
        for posting in postings {
            Varint.append(UInt64(UInt32(bitPattern: posting.passage &- previous)), to: &bytes)
            previous = posting.passage
            let level = WeightQuantization.level(Double(posting.weight))
            bytes.append(UInt8(level & 0xff))
            bytes.append(UInt8(level >> 8))
        }
        return bytes
    }

    /// The postings in `bytes`, or nil when the bytes are truncated or malformed.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> [Posting]? {
        var postings: [Posting] = []
        postings.reserveCapacity(bytes.count / 3)
        var offset = 0
        var previous: Int32 = 0
        while offset < bytes.count {
            guard let delta = Varint.read(bytes, at: &offset), delta <= UInt32.max, offset + 2 <= bytes.count else { return nil }
            let level = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            offset += 2
            previous = previous &+ Int32(bitPattern: UInt32(delta))
            postings.append(Posting(passage: previous, weight: WeightQuantization.weight(ofLevel: level)))
        }
        return postings
    }
}
