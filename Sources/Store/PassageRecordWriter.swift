import Corpus
import CSQLite
import Dispatch

/// Writes the `passages` rows: each passage's number, id, expert and compressed `PassageRecord`.
///
/// The first passages' packed records (`sampleBytes` of them, or all of a smaller corpus) train the
/// dictionary every record is compressed against (kept in `passage_dictionary`; none when the corpus
/// is too small to train one), on another thread; passages are held back until it is ready. Then
/// records are compressed in batches on that thread while the caller goes on, and the rows inserted
/// in passage order, a batch once `batchesInFlight` newer ones have been handed over (waiting for it
/// if need be): the file's layout then depends only on the passages, not on the threads, and memory
/// stays bounded.
final class PassageRecordWriter {
    /// How many bytes of packed records train the dictionary by default (0.12 s of training): half
    /// as many made the records at 100k passages 0.5% larger.
    static let defaultSampleBytes = 2 << 20
    /// The largest dictionary: zstd's usual size.
    static let dictionaryCapacity = 110 * 1024
    let batchSize = 256
    let batchesInFlight = 16
    let sampleBytes: Int
    private let database: Database
    private let insert: Statement
    private let queue = DispatchQueue(label: "panelist.store.compression")
    /// Made once the dictionary is trained; used only on `queue` then.
    private var compressor: Zstd.Compressor?
    /// The dictionary being trained, once there are samples enough.
    private var training: Pending<[UInt8]?>?
    /// Passages and their packed records, held back until the dictionary is trained.
    private var held: [(passage: Passage, packed: [UInt8])] = []
    private var heldBytes = 0
    /// The passages not yet handed over, and their packed records.
    private var batch: [(passage: Passage, packed: [UInt8])] = []
    /// The number of the next passage to be handed over.
    private var nextDoc = 0
    /// Batches being compressed: their first passage's number, the passages and the records.
    private var compressing: [(firstDoc: Int, passages: [Passage], records: Pending<[[UInt8]]>)] = []

    init(database: Database, sampleBytes: Int = defaultSampleBytes) throws {
        self.database = database
        self.sampleBytes = sampleBytes
        insert = try database.statement("INSERT INTO passages(doc, id, expert, record) VALUES (?, ?, ?, ?)")
    }

    /// Adds the next passage.
    ///
    /// - Throws: `CorpusError.malformed` when two passages have the same id, `DatabaseError` when a row cannot be written.
    func add(_ passage: Passage) throws {
        let packed = PassageRecord.pack(passage)
        guard compressor != nil else {
            held.append((passage, packed))
            heldBytes += packed.count
            if training == nil, heldBytes >= sampleBytes { train() }
            if let training, training.isReady { try start(with: training.wait()) }
            return
        }
        try hand(passage, packed)
    }

    /// Compresses and inserts every passage not yet inserted.
    func finish() throws {
        if compressor == nil {
            if training == nil { train() }
            try start(with: training!.wait())
        }
        if !batch.isEmpty { submit() }
        while !compressing.isEmpty { try insertOldest() }
    }

    private func train() {
        let samples = held.map(\.packed)
        training = Pending(on: queue) { Zstd.dictionary(trainedOn: samples, capacity: Self.dictionaryCapacity) }
    }

    /// Stores `dictionary` and hands over the passages held back.
    private func start(with dictionary: [UInt8]?) throws {
        if let dictionary {
            let statement = try database.statement("INSERT INTO passage_dictionary(dictionary) VALUES (?)")
            try statement.bind(dictionary)
            try statement.run()
        }
        compressor = PassageRecord.compressor(dictionary: dictionary)
        let passages = held
        held = []
        for (passage, packed) in passages { try hand(passage, packed) }
    }

    private func hand(_ passage: Passage, _ packed: [UInt8]) throws {
        batch.append((passage, packed))
        guard batch.count >= batchSize else { return }
        submit()
        if compressing.count > batchesInFlight { try insertOldest() }
    }

    private func submit() {
        let packed = batch.map(\.packed)
        let compressor = compressor!
        compressing.append((nextDoc, batch.map(\.passage), Pending(on: queue) { packed.map(compressor.compress) }))
        nextDoc += batch.count
        batch.removeAll(keepingCapacity: true)
    }

    private func insertOldest() throws {
        let oldest = compressing.removeFirst()
        for (offset, (passage, record)) in zip(oldest.passages, oldest.records.wait()).enumerated() {
            insert.reset()
            try insert.bind(oldest.firstDoc + offset, passage.id, passage.expert, record)
            do {
                try insert.run()
            } catch let error as DatabaseError where error.resultCode & 0xff == SQLITE_CONSTRAINT {
                throw CorpusError(.malformed, "two passages have the id \"\(passage.id)\" (the second from \(passage.source)); give each record its own id, or leave ids out")
            }
        }
    }
}
