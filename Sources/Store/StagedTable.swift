import Retrieval

/// One of the store's word tables — the vocabulary, the expansions or the dictionary — written into
/// a database in memory on another thread while the build does other work, then copied into the
/// store with one statement.
///
/// SQLite copies the rows of a table into an empty one of the same definition without decoding
/// them (its transfer optimisation). At 100k passages the ~290,000 rows of these tables took about
/// 0.3 s to insert on the build's own thread after the postings, with the other core idle; copying
/// 121,700 vocabulary rows so took 18 ms against 126 ms to insert them (docs/PERFORMANCE.md). Each
/// table is staged on its own: the dictionary depends only on the lexicon, so it is written while
/// the corpus is read, and the other two side by side once the vocabulary is known.
struct StagedTable: Sendable {
    /// Which table.
    enum Table: String, Sendable {
        case vocabulary, expansions, dictionary

        /// The store's tables it fills: the expansions and the dictionary each add their `KeyFilter`.
        var tables: [String] {
            self == .vocabulary ? [rawValue] : [rawValue, "key_filters"]
        }
    }

    let name: Table
    /// How many rows were written.
    let rowCount: Int
    /// A database file with the word tables (`Schema.lexicalDefinition`), only `name` filled.
    private let image: SerializedDatabase

    /// Writes `table`'s rows with `write`, which returns how many it wrote.
    private init(_ table: Table, write: (Database) throws -> Int) throws {
        let database = try Database(path: ":memory:", mode: .readWrite)
        try database.execute("PRAGMA journal_mode = OFF")
        try database.execute(Schema.lexicalDefinition)
        name = table
        rowCount = try database.transaction { try write(database) }
        image = try database.serialized()
    }

    /// The vocabulary with each term's document frequency and whether it is a name, in term order.
    ///
    /// - Throws: `DatabaseError` when SQLite fails (out of memory).
    static func vocabulary(_ vocabulary: [String: Int], names: Set<String>) throws -> StagedTable {
        try StagedTable(.vocabulary) { database in
            let insert = try database.statement("INSERT INTO vocabulary(term, df, name) VALUES (?, ?, ?)")
            for (term, df) in vocabulary.sorted(by: { $0.key < $1.key }) {
                insert.reset()
                try insert.bind(term, df, names.contains(term) ? 1 : 0)
                try insert.run()
            }
            return vocabulary.count
        }
    }

    /// The lexicon's expansions narrowed to `vocabulary` (`ExpansionTable`), in key order, and the
    /// `KeyFilter` of their keys of more than one word.
    ///
    /// - Throws: `DatabaseError` when SQLite fails (out of memory).
    static func expansions(of lexicon: AnalysedLexicon, narrowedTo vocabulary: [String: Int].Keys) throws -> StagedTable {
        let expansions = ExpansionTable(lexicon: lexicon, vocabulary: vocabulary)
        return try StagedTable(.expansions) { database in
            var count = 0
            let insert = try database.statement("INSERT INTO expansions(key, term, weight, kind, word) VALUES (?, ?, ?, ?, ?)")
            for (key, entries) in expansions.entries.sorted(by: { $0.key < $1.key }) {
                for entry in entries {
                    insert.reset()
                    try insert.bind(key, entry.term, entry.weight, entry.kind.rawValue, entry.word)
                    try insert.run()
                    count += 1
                }
            }
            try write(KeyFilter(keys: expansions.entries.keys.filter(ExpansionTable.isPhrase)), as: .expansionPhrases, to: database)
            return count
        }
    }

    /// The lexicon's dictionary of English words, in term order, and the `KeyFilter` of its names.
    ///
    /// - Throws: `DatabaseError` when SQLite fails (out of memory).
    static func dictionary(of lexicon: AnalysedLexicon) throws -> StagedTable {
        try StagedTable(.dictionary) { database in
            let insert = try database.statement("INSERT INTO dictionary(term, name) VALUES (?, ?)")
            for (term, kind) in lexicon.dictionary.sorted(by: { $0.key < $1.key }) {
                insert.reset()
                try insert.bind(term, kind.rawValue)
                try insert.run()
            }
            try write(KeyFilter(keys: lexicon.dictionary.filter { $0.value == .name }.keys), as: .names, to: database)
            return lexicon.dictionary.count
        }
    }

    /// Writes `filter` as the `key_filters` row of `kind`.
    private static func write(_ filter: KeyFilter, as kind: KeyFilter.Kind, to database: Database) throws {
        let insert = try database.statement("INSERT INTO key_filters(name, filter) VALUES (?, ?)")
        try insert.bind(kind.rawValue, filter.bytes)
        try insert.run()
    }

    /// Copies the rows into `database`, whose same tables hold none of them (`key_filters` takes one row
    /// from each of two staged tables); not within a transaction.
    /// Once: the copy takes the bytes.
    ///
    /// - Throws: `DatabaseError` when SQLite fails.
    func copy(into database: Database) throws {
        try database.attach(image, as: "staged")
        defer { try? database.execute("DETACH staged") }
        for table in name.tables {
            try database.execute("INSERT INTO main.\(table) SELECT * FROM staged.\(table)")
        }
    }
}
