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
            var delta = UInt32(bitPattern: posting.passage &- previous)
            previous = posting.passage
            while delta >= 0x80 {
                bytes.append(UInt8(delta & 0x7f) | 0x80)
                delta >>= 7
            }
            bytes.append(UInt8(delta))
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
            var delta: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard offset < bytes.count, shift < 35 else { return nil }
                let byte = bytes[offset]
                offset += 1
                delta |= UInt32(byte & 0x7f) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            guard offset + 2 <= bytes.count else { return nil }
            let level = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            offset += 2
            previous = previous &+ Int32(bitPattern: delta)
            postings.append(Posting(passage: previous, weight: WeightQuantization.weight(ofLevel: level)))
        }
        return postings
    }
}
