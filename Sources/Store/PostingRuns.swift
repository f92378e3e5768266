import Retrieval

/// Posting lists gathered in passage order with bounded memory: when more than `limit` postings
/// are held, they are written out as a run to a scratch SQLite database; `merge` joins the runs
/// term by term, in term order.
///
/// Passages arrive in ascending order, so each run covers later passages than the one before and
/// a term's list is its runs' lists concatenated. One thread uses it at a time: the build may hand
/// it to another (`handOff`), never share it. The held arrays skip Swift's run-time exclusivity
/// checks (`@exclusivity(unchecked)`): `forEachHeldList` empties them before calling out, so no
/// access to them overlaps another, and a check per posting was a quarter of the 2 % of a 100k
/// build's CPU time that such checks took.
final class PostingRuns: @unchecked Sendable {
    /// Where each field's terms begin among the keys: field `f`'s term ranked `t` has key `firsts[f] + t`.
    private let firsts: [Int]
    private let keyCount: Int
    /// The postings held, in arrival order, and the key of each one's term: two flat arrays, so
    /// that adding a posting is an append, not a lookup of its term's list.
    @exclusivity(unchecked) private var keys: [Int32] = []
    @exclusivity(unchecked) private var held: [Posting] = []
    private let limit: Int
    private var scratch: Database?
    private var runCount = 0

    /// Room for `termCounts[field]` terms per field, holding at most `limit` postings at once.
    init(termCounts: [Int], limit: Int) {
        var firsts: [Int] = []
        var total = 0
        for count in termCounts {
            firsts.append(total)
            total += count
        }
        self.firsts = firsts
        keyCount = total
        self.limit = max(1, limit)
    }

    /// How many runs were written out so far.
    var runsWritten: Int { runCount }

    /// Adds a posting of the term ranked `term` in `field`.
    func append(_ posting: Posting, field: Int, term: Int32) throws {
        keys.append(Int32(firsts[field]) + term)
        held.append(posting)
        if held.count >= limit { try writeRun() }
    }

    private func writeRun() throws {
        let database = try scratch ?? {
            // An empty path makes SQLite use a private temporary file, deleted when it is closed.
            let database = try Database(path: "", mode: .readWrite)
            try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE runs(field INTEGER, term INTEGER, run INTEGER, postings BLOB, PRIMARY KEY(field, term, run)) WITHOUT ROWID")
            scratch = database
            return database
        }()
        try database.transaction {
            let insert = try database.statement("INSERT INTO runs(field, term, run, postings) VALUES (?, ?, ?, ?)")
            try forEachHeldList { field, term, postings in
                insert.reset()
                try insert.bind(field, term, runCount, PostingCodec.encode(postings))
                try insert.run()
            }
        }
        runCount += 1
    }

    /// Calls `body` with every term's complete posting list, by field and then term rank.
    func merge(_ body: (_ field: Int, _ term: Int32, _ postings: [Posting]) throws -> Void) throws {
        guard let scratch else {
            try forEachHeldList(body)
            return
        }
        if !held.isEmpty { try writeRun() }
        let scan = try scratch.statement("SELECT field, term, postings FROM runs ORDER BY field, term, run")
        var current: (field: Int, term: Int32)?
        var postings: [Posting] = []
        while try scan.step() {
            let key = (field: scan.int(at: 0), term: Int32(scan.int64(at: 1)))
            if let current, current != key {
                try body(current.field, current.term, postings)
                postings = []
            }
            current = key
            guard let run = scan.withBlob(at: 2, { PostingCodec.decode($0) }) else {
                throw DatabaseError(.corrupt, message: "the build's scratch database is damaged")
            }
            postings += run
        }
        if let current { try body(current.field, current.term, postings) }
    }

    /// Calls `body` with each term's held postings, by field and then term rank, and lets them go.
    ///
    /// The postings are grouped by a counting sort on their keys, which keeps each term's postings
    /// in arrival (passage) order.
    private func forEachHeldList(_ body: (_ field: Int, _ term: Int32, _ postings: [Posting]) throws -> Void) rethrows {
        var starts = [Int](repeating: 0, count: keyCount + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for key in 0..<keyCount { starts[key + 1] += starts[key] }
        var next = starts
        let grouped = [Posting](unsafeUninitializedCapacity: held.count) { buffer, initialized in
            for (key, posting) in zip(keys, held) {
                buffer.initializeElement(at: next[Int(key)], to: posting)
                next[Int(key)] += 1
            }
            initialized = held.count
        }
        keys.removeAll(keepingCapacity: true)
        held.removeAll(keepingCapacity: true)
        for field in firsts.indices {
            let end = field + 1 < firsts.count ? firsts[field + 1] : keyCount
            for key in firsts[field]..<end where starts[key] < starts[key + 1] {
                try body(field, Int32(key - firsts[field]), Array(grouped[starts[key]..<starts[key + 1]]))
            }
        }
    }
}
