import Corpus
import Dispatch

/// Writes passages' stored fields into `passage_blocks`: packs them into `PassageBlock`s,
/// compresses each full block on another thread while the caller goes on, and inserts the blocks
/// in order.
///
/// The caller is the busier thread of a build's first pass (it reads, writes and counts while
/// the analysis thread waits for work now and then), so compression costs the build little time.
/// A block is inserted when `blocksInFlight` newer ones have been handed over (waiting for it if
/// need be), never earlier: the file's layout then depends only on the passages, not on the
/// threads, and memory stays bounded.
final class PassageBlockWriter {
    let blocksInFlight = 64
    private let insert: Statement
    private let queue = DispatchQueue(label: "panelist.store.compression")
    /// Used only on `queue`.
    private let compressor = PassageBlock.compressor()
    private var block = PassageBlock()
    /// How many passages were added.
    private var passageCount = 0
    /// The number of the first passage in `block`.
    private var blockStart = 0
    /// Blocks being compressed, by their first passage, oldest first.
    private var compressing: [(firstDoc: Int, stored: Pending<[UInt8]>)] = []

    init(database: Database) throws {
        insert = try database.statement("INSERT INTO passage_blocks(first_doc, block) VALUES (?, ?)")
    }

    /// Adds the next passage.
    func add(_ passage: Passage) throws {
        block.append(passage)
        passageCount += 1
        guard block.isFull else { return }
        submit()
        if compressing.count > blocksInFlight { try insertOldest() }
    }

    /// Compresses and inserts every block not yet inserted.
    func finish() throws {
        if !block.isEmpty { submit() }
        while !compressing.isEmpty { try insertOldest() }
    }

    private func submit() {
        let packed = block.take()
        let compressor = compressor
        compressing.append((blockStart, Pending(on: queue) { compressor.compress(packed) }))
        blockStart = passageCount
    }

    private func insertOldest() throws {
        let oldest = compressing.removeFirst()
        insert.reset()
        try insert.bind(oldest.firstDoc, oldest.stored.wait())
        try insert.run()
    }
}
