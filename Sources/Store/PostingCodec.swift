import Retrieval

/// Packs posting lists into BLOBs: delta-encoded passage numbers as varints, weights as 32-bit floats.
///
/// Layout per posting: `varint(passage − previous passage)` then the weight's IEEE-754 bits,
/// little-endian. Passages must be ascending.
public enum PostingCodec {
    /// The bytes of `postings`.
    public static func encode(_ postings: [Posting]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 6)
        var previous: Int32 = 0
        for posting in postings {
            var delta = UInt32(bitPattern: posting.passage &- previous)
            previous = posting.passage
            while delta >= 0x80 {
                bytes.append(UInt8(delta & 0x7f) | 0x80)
                delta >>= 7
            }
            bytes.append(UInt8(delta))
            let bits = posting.weight.bitPattern
            bytes.append(contentsOf: [UInt8(bits & 0xff), UInt8((bits >> 8) & 0xff), UInt8((bits >> 16) & 0xff), UInt8(bits >> 24)])
        }
        return bytes
    }

    /// The postings in `bytes`, or nil when the bytes are truncated or malformed.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> [Posting]? {
        var postings: [Posting] = []
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
            guard offset + 4 <= bytes.count else { return nil }
            let bits = UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
            offset += 4
            previous = previous &+ Int32(bitPattern: delta)
            postings.append(Posting(passage: previous, weight: Float(bitPattern: bits)))
        }
        return postings
    }
}
