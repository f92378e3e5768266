import Retrieval

/// Each passage's text length in terms and, for each English stop word, the passages that have it
/// (a `PassageBitmap`), with how many do: what search needs to weigh a query's stop words
/// (`FunctionWordScorer`) without posting lists for them.
///
/// Stored in one row of `function_words`: 2 bytes a passage for its length and one bit a passage for
/// each of the 175 stop words (24 bytes a passage in all, 14.4 MB for 603,821 passages), against about
/// 60 MB of posting lists (measured: indexing stop words as terms made the 100k store 11.6 % larger).
/// The lengths are read on the first search with a stop word, a stop word's bitmap on the first search
/// with that word (`PassageStore.passages(withFunctionWord:)`): a query reads its own few, kept by
/// stop word rather than by passage so that scoring a passage touches a few small, hot arrays.
public struct FunctionWordTable: Sendable {
    /// Each passage's text length in terms (capped at `UInt16.max`).
    let lengths: [UInt16]
    /// How many passages have each stop word, by its index in `StopWords.ordered`.
    public let frequencies: [Int]
    /// The mean text length of the passages with any term in their text.
    public let averageLength: Double
    /// The table's row, whose `bitmaps` blob holds each stop word's bitmap in turn.
    let row: Int64

    /// A stop word's weight in a passage of each text length below its count, as if it occurred once
    /// (`TermSaturation`, quantised as posting weights are): computed once per store, not per query.
    private let weightByLength: [Double]

    init(lengths: [UInt16], frequencies: [Int], averageLength: Double, row: Int64) {
        self.lengths = lengths
        self.frequencies = frequencies
        self.averageLength = averageLength
        self.row = row
        weightByLength = (0..<Self.tabulatedLengths).map { Self.weight(length: $0, averageLength: averageLength) }
    }

    /// Text lengths whose weight is looked up rather than computed.
    static let tabulatedLengths = 1_024

    static func weight(length: Int, averageLength: Double) -> Double {
        Double(WeightQuantization.quantised(TermSaturation.standard.weight(count: 1, length: length, averageLength: averageLength)))
    }

    /// A stop word's weight in passage `doc`, as if it occurred once.
    public func weight(of doc: Int32) -> Double {
        weight(length: length(of: doc))
    }

    /// A stop word's weight in a passage of `length` terms; the largest is at length 0.
    public func weight(length: Int) -> Double {
        length < weightByLength.count ? weightByLength[length] : Self.weight(length: length, averageLength: averageLength)
    }

    /// How many passages the table holds.
    public var passageCount: Int { lengths.count }

    /// The length of passage `doc`'s text in terms.
    public func length(of doc: Int32) -> Int {
        Int(lengths[Int(doc)])
    }

    /// The bytes of one stop word's bitmap in the `bitmaps` blob of a table of `passageCount` passages.
    static func bitmapSize(passageCount: Int) -> Int {
        PassageBitmap.wordCount(passageCount: passageCount) * 8
    }

    /// Collects the table while a store is built, a passage at a time.
    struct Builder {
        private var lengths: [UInt16] = []
        private var bitmaps = [[UInt64]](repeating: [], count: StopWords.ordered.count)
        private var frequencies = [Int](repeating: 0, count: StopWords.ordered.count)
        private var totalLength = 0
        private var passagesWithText = 0

        mutating func add(_ set: FunctionWordSet, length: Int) {
            let doc = lengths.count
            if doc & 63 == 0 {
                for index in bitmaps.indices { bitmaps[index].append(0) }
            }
            set.forEach { index in
                bitmaps[index][doc >> 6] |= 1 << UInt64(doc & 63)
                frequencies[index] += 1
            }
            lengths.append(UInt16(min(length, Int(UInt16.max))))
            totalLength += length
            passagesWithText += length > 0 ? 1 : 0
        }

        func write(to database: Database) throws {
            var counts: [UInt8] = []
            for frequency in frequencies { withUnsafeBytes(of: UInt32(frequency).littleEndian) { counts.append(contentsOf: $0) } }
            var lengthBytes: [UInt8] = []
            lengthBytes.reserveCapacity(lengths.count * 2)
            for length in lengths { withUnsafeBytes(of: length.littleEndian) { lengthBytes.append(contentsOf: $0) } }
            var bitmapBytes: [UInt8] = []
            bitmapBytes.reserveCapacity(bitmaps.count * FunctionWordTable.bitmapSize(passageCount: lengths.count))
            for bitmap in bitmaps {
                for word in bitmap { withUnsafeBytes(of: word.littleEndian) { bitmapBytes.append(contentsOf: $0) } }
            }
            let insert = try database.statement("INSERT INTO function_words(words, frequencies, average_length, lengths, bitmaps) VALUES (?, ?, ?, ?, ?)")
            try insert.bind(StopWords.ordered.joined(separator: " "), counts,
                            TermSaturation.averageLength(totalLength: totalLength, passages: passagesWithText), lengthBytes, bitmapBytes)
            try insert.run()
        }
    }

    /// The table of `database`, nil when it has none or it was numbered by another list of stop
    /// words or does not hold `passageCount` passages.
    static func read(from database: Database, passageCount: Int) throws -> FunctionWordTable? {
        // `length()` of a BLOB reads only the row's header: the blobs are read below, the bitmaps one by one.
        let statement = try database.statement("SELECT rowid, words, frequencies, average_length, length(lengths), length(bitmaps) FROM function_words")
        defer { statement.reset() }
        let bitmapSize = Self.bitmapSize(passageCount: passageCount)
        guard try statement.step(), statement.string(at: 1) == StopWords.ordered.joined(separator: " "),
              statement.int(at: 4) == passageCount * 2, statement.int(at: 5) == StopWords.ordered.count * bitmapSize else { return nil }
        let frequencies = statement.withBlob(at: 2) { bytes in
            stride(from: 0, to: bytes.count - 3, by: 4).map { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt32.self))) }
        }
        guard frequencies.count == StopWords.ordered.count else { return nil }
        let row = statement.int64(at: 0)
        let lengths = try database.blob(in: "function_words", column: "lengths", row: row, count: passageCount, as: UInt16.self)
        return FunctionWordTable(lengths: lengths, frequencies: frequencies, averageLength: statement.double(at: 3), row: row)
    }

    /// The bitmap of the stop word at `index` of `StopWords.ordered`, read from `database`.
    func bitmap(of index: Int, from database: Database) throws -> PassageBitmap {
        let size = Self.bitmapSize(passageCount: passageCount)
        return PassageBitmap(words: try database.blob(in: "function_words", column: "bitmaps", row: row, count: size / 8,
                                                      offset: index * size, as: UInt64.self))
    }
}
