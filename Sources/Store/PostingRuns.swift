import Retrieval

/// Posting lists gathered in passage order with bounded memory: when more than `limit` postings
/// are held, they are written out as a run to a scratch SQLite database; `merge` joins the runs
/// term by term, in term order.
///
/// Passages arrive in ascending order, so each run covers later passages than the one before and
/// a term's list is its runs' lists concatenated.
final class PostingRuns {
    /// The postings held of each term, fields one after another: field `f`'s term ranked `t` is at `firsts[f] + t`.
    private var lists: [[Posting]]
    private let firsts: [Int]
    private var held = 0
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
        lists = [[Posting]](repeating: [], count: total)
        self.limit = max(1, limit)
    }

    /// How many runs were written out so far.
    var runsWritten: Int { runCount }

    /// Adds a posting of the term ranked `term` in `field`.
    func append(_ posting: Posting, field: Int, term: Int32) throws {
        lists[firsts[field] + Int(term)].append(posting)
        held += 1
        if held >= limit { try writeRun() }
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
        held = 0
    }

    /// Calls `body` with every term's complete posting list, by field and then term rank.
    func merge(_ body: (_ field: Int, _ term: Int32, _ postings: [Posting]) throws -> Void) throws {
        guard let scratch else {
            try forEachHeldList(body)
            return
        }
        if held > 0 { try writeRun() }
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
            guard let run = scan.withBlob(at: 2, PostingCodec.decode) else {
                throw DatabaseError(.corrupt, message: "the build's scratch database is damaged")
            }
            postings += run
        }
        if let current { try body(current.field, current.term, postings) }
    }

    /// Calls `body` with each term's held postings, by field and then term rank, and lets them go.
    private func forEachHeldList(_ body: (_ field: Int, _ term: Int32, _ postings: [Posting]) throws -> Void) rethrows {
        for field in firsts.indices {
            let end = field + 1 < firsts.count ? firsts[field + 1] : lists.count
            for index in firsts[field]..<end where !lists[index].isEmpty {
                try body(field, Int32(index - firsts[field]), lists[index])
                lists[index] = []
            }
        }
    }
}
