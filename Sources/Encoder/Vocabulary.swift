/// A WordPiece vocabulary: `vocab.txt`, one token per line, a token's id being its line number from 0.
///
/// Continuation pieces start with `##`; the special tokens `[PAD]`, `[UNK]`, `[CLS]`, `[SEP]` and
/// `[MASK]` must be present. Tokens are compared byte for byte, as the reference tokenizer compares
/// them (Swift's `String` equality would also match canonically equivalent spellings), in an
/// open-addressing table built in well under a millisecond.
///
/// ```swift
/// let vocabulary = try Vocabulary(contents: Array(vocabText.utf8))
/// vocabulary.id(of: "hello")  // 7592 in all-MiniLM-L6-v2's vocabulary
/// ```
public struct Vocabulary: Sendable {
    /// Every token's UTF-8 bytes, one after another.
    private let bytes: [UInt8]
    /// Token `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private let starts: [Int32]
    /// Token ids by hash, -1 where empty; the size is a power of two at least twice the token count.
    private let table: [Int32]

    /// The ids of the special tokens.
    public let padding: Int32
    public let unknown: Int32
    public let classification: Int32
    public let separator: Int32
    public let mask: Int32

    /// Reads a vocabulary from the bytes of `vocab.txt` (lines end with "\n"; a final "\r" is dropped).
    ///
    /// - Throws: `Vocabulary.FormatError` when a line is not UTF-8, a token is repeated, or a special
    ///   token is missing.
    public init(contents: [UInt8]) throws(FormatError) {
        if String(validating: contents, as: UTF8.self) == nil {
            // Lines end at an ASCII byte, so the first line that is not UTF-8 by itself is the culprit.
            let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            throw FormatError(reason: "line \(bad + 1) is not UTF-8")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contents.count)
        var starts: [Int32] = [0]
        starts.reserveCapacity(32768)
        var number = 0
        contents.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var tokenEnd = lineEnd
                if tokenEnd > lineStart, buffer[tokenEnd - 1] == UInt8(ascii: "\r") { tokenEnd -= 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<tokenEnd]))
                starts.append(Int32(bytes.count))
                number += 1
                lineStart = lineEnd + 1
            }
        }
        guard number > 0, number < Int(Int32.max) else { throw FormatError(reason: "it holds \(number) tokens") }
        var capacity = 1
        while capacity < 2 * number { capacity <<= 1 }
        var table = [Int32](repeating: -1, count: capacity)
        for id in 0..<number {
            let token = bytes[Int(starts[id])..<Int(starts[id + 1])]
            var slot = Self.hash(prefix: [], token) & (capacity - 1)
            while table[slot] >= 0 {
                let other = Int(table[slot])
                guard !bytes[Int(starts[other])..<Int(starts[other + 1])].elementsEqual(token) else {
                    throw FormatError(reason: "line \(id + 1) repeats the token on line \(other + 1)")
                }
                slot = (slot + 1) & (capacity - 1)
            }
            table[slot] = Int32(id)
        }
        self.bytes = bytes
        self.starts = starts
        self.table = table
        func special(_ token: String) throws(FormatError) -> Int32 {
            guard let id = Self.find(prefix: [], Array(token.utf8), bytes: bytes, starts: starts, table: table) else {
                throw FormatError(reason: "it has no \(token) token")
            }
            return id
        }
        padding = try special("[PAD]")
        unknown = try special("[UNK]")
        classification = try special("[CLS]")
        separator = try special("[SEP]")
        mask = try special("[MASK]")
    }

    /// The number of tokens.
    public var count: Int { starts.count - 1 }

    /// The id of `token`, if it is in the vocabulary.
    public func id(of token: String) -> Int32? {
        Self.find(prefix: [], Array(token.utf8), bytes: bytes, starts: starts, table: table)
    }

    /// The token with id `id`.
    public func token(_ id: Int32) -> String {
        String(decoding: bytes[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    /// The id of the token spelt `prefix` followed by `utf8`, if there is one.
    func id<Bytes: Collection<UInt8>>(prefix: [UInt8], utf8: Bytes) -> Int32? {
        Self.find(prefix: prefix, utf8, bytes: bytes, starts: starts, table: table)
    }

    /// The tokens that are matched in raw text before any normalisation, as the reference tokenizer's
    /// added tokens are: typing "[SEP]" gives the separator token, not the pieces of "[", "sep", "]".
    var specialTokens: [(text: [Unicode.Scalar], id: Int32)] {
        [("[PAD]", padding), ("[UNK]", unknown), ("[CLS]", classification), ("[SEP]", separator), ("[MASK]", mask)]
            .map { (Array($0.0.unicodeScalars), $0.1) }
    }

    private static func find<Bytes: Collection<UInt8>>(
        prefix: [UInt8], _ token: Bytes, bytes: [UInt8], starts: [Int32], table: [Int32]
    ) -> Int32? {
        let mask = table.count - 1
        var slot = hash(prefix: prefix, token) & mask
        let length = prefix.count + token.count
        while true {
            let id = Int(table[slot])
            guard id >= 0 else { return nil }
            let start = Int(starts[id])
            let end = Int(starts[id + 1])
            if end - start == length, bytes[start..<(start + prefix.count)].elementsEqual(prefix),
                bytes[(start + prefix.count)..<end].elementsEqual(token)
            {
                return Int32(id)
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over `prefix` then `token`.
    private static func hash<Bytes: Collection<UInt8>>(prefix: [UInt8], _ token: Bytes) -> Int {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in prefix {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        for byte in token {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: state ^ (state >> 29))
    }

    /// Why `vocab.txt` could not be used.
    public struct FormatError: Error, Equatable, Sendable {
        public var reason: String
    }
}
