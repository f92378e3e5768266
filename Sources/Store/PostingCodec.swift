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

    /// The postings in `bytes`, or nil when the bytes are truncated, malformed or hold other than
    /// `count` postings (when given: the array is then allocated once, at its size).
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: UnsafeRawBufferPointer, count: Int? = nil) -> [Posting]? {
        // Each posting takes at least three bytes.
        guard count.map({ $0 >= 0 && $0 <= bytes.count / 3 }) ?? true else { return nil }
        var malformed = false
        let postings = [Posting](unsafeUninitializedCapacity: count ?? bytes.count / 3) { buffer, initialized in
            var offset = 0
            var previous: Int32 = 0
            while offset < bytes.count {
                guard initialized < buffer.count else { malformed = true; return }
                let delta: UInt64
                if bytes[offset] < 0x80 {
                    delta = UInt64(bytes[offset])
                    offset += 1
                } else {
                    guard let value = Varint.read(bytes, at: &offset), value <= UInt32.max else { malformed = true; return }
                    delta = value
                }
                guard offset + 2 <= bytes.count else { malformed = true; return }
                let level = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
                offset += 2
                previous = previous &+ Int32(bitPattern: UInt32(delta))
                (buffer.baseAddress! + initialized).initialize(to: Posting(passage: previous, weight: WeightQuantization.weight(ofLevel: level)))
                initialized += 1
            }
            malformed = count.map { initialized != $0 } ?? false
        }
        return malformed ? nil : postings
    }
}
