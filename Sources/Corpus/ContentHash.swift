/// A 64-bit FNV-1a hash of bytes, written as 16 hex digits: detects that a corpus changed.
///
/// Not a cryptographic hash; it only tells whether a store was built from the same input.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Mixes `bytes` into the hash.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    /// Mixes in one input file: its name, then its bytes.
    public mutating func update(fileNamed name: String, contents: [UInt8]) {
        update(Array(name.utf8))
        update(contents)
    }

    /// The hash so far as 16 lower-case hex digits.
    public var hexDigest: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
