/// A Bloom filter of a set of terms or keys, kept in a row of the store's `key_filters`, so that a
/// lookup that would almost always find nothing is made only when the filter may hold its key.
///
/// Two are kept (`Kind`): the expansion keys of more than one word ("united state", "make up"), as
/// almost none of a question's adjacent pairs and phrases has an expansion (0.5 % of pairs and 0.1 %
/// of phrases at 10k passages), yet each lookup cost as much as a word's, five of a search's 41
/// lookups; and the dictionary's terms known only as names ("mongolia"), which every word of a
/// question is checked against (`NameCheck`), four lookups a search that almost always say no.
/// Ten bits and seven probes a key answer "may hold" for about 1 % of absent keys, and "does not
/// hold" is always right. The hash is FNV-1a over the key's UTF-8 bytes, mixed by SplitMix64's
/// finaliser for the second of the double hashing's two values: fixed here, as the bits are stored.
struct KeyFilter: Sendable, Equatable {
    /// Which keys a filter holds: its row's name in `key_filters`.
    enum Kind: String, Sendable, CaseIterable {
        /// The expansion keys of more than one word.
        case expansionPhrases = "expansion_phrases"
        /// The dictionary's terms known only as names (`ExpansionTable.WordKind.name`).
        case names
    }

    /// The bits, 64 to a word.
    private let words: [UInt64]
    /// How many bits each key sets.
    static let probes = 7
    /// How many bits the filter has for each key.
    static let bitsPerKey = 10

    /// The filter of `keys`.
    init(keys: some Collection<String>) {
        var words = [UInt64](repeating: 0, count: max(1, (keys.count * Self.bitsPerKey + 63) / 64))
        let bitCount = UInt64(words.count * 64)
        for key in keys {
            Self.forEachBit(of: key, bitCount: bitCount) { words[Int($0 >> 6)] |= 1 << ($0 & 63) }
        }
        self.words = words
    }

    /// The filter stored as `bytes` (little-endian words); nil when they are no whole number of words.
    init?(bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, bytes.count % 8 == 0 else { return nil }
        words = (0..<bytes.count / 8).map { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
    }

    /// The bytes to store.
    var bytes: [UInt8] {
        words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
    }

    /// Whether `key` may be one of the keys: false only when it is not.
    func mayContain(_ key: String) -> Bool {
        var all = true
        Self.forEachBit(of: key, bitCount: UInt64(words.count * 64)) { all = all && words[Int($0 >> 6)] & 1 << ($0 & 63) != 0 }
        return all
    }

    /// Calls `body` with each of the `probes` bit positions of `key`.
    private static func forEachBit(of key: String, bitCount: UInt64, _ body: (UInt64) -> Void) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var second = (first ^ (first >> 30)) &* 0xbf58_476d_1ce4_e5b9
        second = (second ^ (second >> 27)) &* 0x94d0_49bb_1331_11eb
        second = (second ^ (second >> 31)) | 1
        for probe in 0..<UInt64(probes) {
            body((first &+ probe &* second) % bitCount)
        }
    }
}
