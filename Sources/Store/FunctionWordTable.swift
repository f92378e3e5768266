import Retrieval

/// Each passage's stop words (`FunctionWordSet`) and the length of its text in terms, with how many
/// passages have each stop word: what search needs to weigh a query's stop words (`FunctionWordScorer`)
/// without posting lists for them.
///
/// Stored in one row of `function_words` and read whole, on the first search that has a stop word:
/// 26 bytes a passage (15.7 MB for 603,821 passages), against about 60 MB of posting lists
/// (measured: indexing stop words as terms made the 100k store 11.6 % larger).
public struct FunctionWordTable: Sendable {
    /// Per passage: its set's `FunctionWordSet.byteCount` bytes, then its text length as a
    /// little-endian `UInt16` (capped).
    let records: [UInt8]
    /// How many passages have each stop word, by its index in `StopWords.ordered`.
    public let frequencies: [Int]
    /// The mean text length of the passages with any term in their text.
    public let averageLength: Double

    static let recordSize = FunctionWordSet.byteCount + 2

    /// A stop word's weight in a passage of each text length below its count, as if it occurred once
    /// (`TermSaturation`, quantised as posting weights are): computed once per store, not per query.
    private let weightByLength: [Double]

    init(records: [UInt8], frequencies: [Int], averageLength: Double) {
        self.records = records
        self.frequencies = frequencies
        self.averageLength = averageLength
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
    public var passageCount: Int { records.count / Self.recordSize }

    /// The stop words of passage `doc`.
    public func set(of doc: Int32) -> FunctionWordSet {
        records.withUnsafeBytes { FunctionWordSet(bytes: $0, at: Int(doc) * Self.recordSize) }
    }

    /// The length of passage `doc`'s text in terms.
    public func length(of doc: Int32) -> Int {
        let at = Int(doc) * Self.recordSize + FunctionWordSet.byteCount
        return Int(records[at]) | Int(records[at + 1]) << 8
    }

    /// Collects the table while a store is built, a passage at a time.
    struct Builder {
        private var records: [UInt8] = []
        private var frequencies = [Int](repeating: 0, count: StopWords.ordered.count)
        private var totalLength = 0
        private var passagesWithText = 0

        mutating func add(_ set: FunctionWordSet, length: Int) {
            set.append(to: &records)
            let stored = UInt16(min(length, Int(UInt16.max)))
            records.append(UInt8(stored & 0xff))
            records.append(UInt8(stored >> 8))
            set.forEach { frequencies[$0] += 1 }
            totalLength += length
            passagesWithText += length > 0 ? 1 : 0
        }

        func write(to database: Database) throws {
            var counts: [UInt8] = []
            for frequency in frequencies { withUnsafeBytes(of: UInt32(frequency).littleEndian) { counts.append(contentsOf: $0) } }
            let insert = try database.statement("INSERT INTO function_words(words, frequencies, average_length, passages) VALUES (?, ?, ?, ?)")
            try insert.bind(StopWords.ordered.joined(separator: " "), counts,
                            TermSaturation.averageLength(totalLength: totalLength, passages: passagesWithText), records)
            try insert.run()
        }
    }

    /// The table of `database`, nil when it has none or it was numbered by another list of stop
    /// words or does not hold `passageCount` passages.
    static func read(from database: Database, passageCount: Int) throws -> FunctionWordTable? {
        // `length()` of a BLOB reads only the row's header: the records are read once, below.
        let statement = try database.statement("SELECT rowid, words, frequencies, average_length, length(passages) FROM function_words")
        defer { statement.reset() }
        guard try statement.step(), statement.string(at: 1) == StopWords.ordered.joined(separator: " "),
              statement.int(at: 4) == passageCount * recordSize else { return nil }
        let frequencies = statement.withBlob(at: 2) { bytes in
            stride(from: 0, to: bytes.count - 3, by: 4).map { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0, as: UInt32.self))) }
        }
        guard frequencies.count == StopWords.ordered.count else { return nil }
        let records = try database.blob(in: "function_words", column: "passages", row: statement.int64(at: 0), count: passageCount * recordSize)
        return FunctionWordTable(records: records, frequencies: frequencies, averageLength: statement.double(at: 3))
    }
}
