/// Which of the English stop words (`StopWords.ordered`) a text has, one bit each.
///
/// The index leaves stop words out of its posting lists, where the commonest would cost a query
/// most of its time and the store a tenth of its size; but a search for a span of a passage ("herself
/// on the rock") is told apart from the many passages that share its one rare word by them. So the analyser
/// reports each text's set, and search adds a stop word's BM25 weight (as if it occurred once) to
/// the passages its other words found (`FunctionWordScorer`); the store keeps, for each stop word,
/// the passages whose sets have it (`FunctionWordTable`).
public struct FunctionWordSet: Sendable, Equatable {
    /// The bits, word `i` of `StopWords.ordered` at bit `i % 64` of `words[i / 64]`.
    public private(set) var words: (UInt64, UInt64, UInt64)

    public init() {
        words = (0, 0, 0)
    }

    public static func == (lhs: FunctionWordSet, rhs: FunctionWordSet) -> Bool {
        lhs.words == rhs.words
    }

    public var isEmpty: Bool { words == (0, 0, 0) }

    /// Adds the stop word at `index` of `StopWords.ordered`.
    public mutating func insert(_ index: Int) {
        let bit = UInt64(1) << UInt64(index % 64)
        switch index / 64 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        default: words.2 |= bit
        }
    }

    /// Calls `body` with each index in the set, ascending.
    @inline(__always)
    public func forEach(_ body: (Int) -> Void) {
        func each(_ word: UInt64, from first: Int) {
            var bits = word
            while bits != 0 {
                body(first + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        each(words.0, from: 0)
        each(words.1, from: 64)
        each(words.2, from: 128)
    }

    public mutating func formUnion(_ other: FunctionWordSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2)
    }

    public func contains(_ index: Int) -> Bool {
        let word = switch index / 64 {
        case 0: words.0
        case 1: words.1
        default: words.2
        }
        return word >> UInt64(index % 64) & 1 == 1
    }

    /// The indices in the set, ascending.
    public var indices: [Int] {
        var indices: [Int] = []
        forEach { indices.append($0) }
        return indices
    }
}
