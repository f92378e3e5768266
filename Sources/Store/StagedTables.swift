import Retrieval

/// The store's vocabulary, expansions and dictionary, written into a database in memory on another
/// thread while the build writes the postings, then copied into the store with one statement a table.
///
/// SQLite copies the rows of a table into an empty one of the same definition without decoding
/// them (its transfer optimisation). At 100k passages the ~290,000 rows of these tables took about
/// 0.3 s to insert on the build's own thread after the postings, with the other core idle; copying
/// 121,700 vocabulary rows so took 18 ms against 126 ms to insert them (docs/PERFORMANCE.md).
struct StagedTables: Sendable {
    /// The tables, as the bytes of a database file with only them.
    private let image: SerializedDatabase
    /// How many expansion entries were written.
    let expansionCount: Int

    /// Writes the vocabulary with each term's document frequency and whether it is a name; with a
    /// lexicon, its expansions narrowed to the vocabulary, and its dictionary.
    ///
    /// - Throws: `DatabaseError` when SQLite fails (out of memory).
    init(vocabulary: [String: Int], names: Set<String>, lexicon: AnalysedLexicon?) throws {
        let database = try Database(path: ":memory:", mode: .readWrite)
        try database.execute("PRAGMA journal_mode = OFF")
        try database.execute(Schema.lexicalDefinition)
        expansionCount = try database.transaction {
            try Self.writeVocabulary(vocabulary, names: names, database: database)
            guard let lexicon else { return 0 }
            return try Self.writeExpansions(ExpansionTable(lexicon: lexicon, vocabulary: Set(vocabulary.keys)), dictionary: lexicon.dictionary, database: database)
        }
        image = try database.serialized()
    }

    /// Copies the tables into `database`, whose same tables are empty; not within a transaction.
    /// Once: the copy takes the bytes.
    ///
    /// - Throws: `DatabaseError` when SQLite fails.
    func copy(into database: Database) throws {
        try database.attach(image, as: "staged")
        defer { try? database.execute("DETACH staged") }
        try database.transaction {
            for table in Schema.lexicalTables {
                try database.execute("INSERT INTO main.\(table) SELECT * FROM staged.\(table)")
            }
        }
    }

    /// Writes the vocabulary, in term order.
    static func writeVocabulary(_ vocabulary: [String: Int], names: Set<String>, database: Database) throws {
        let insertWord = try database.statement("INSERT INTO vocabulary(term, df, name) VALUES (?, ?, ?)")
        for (term, df) in vocabulary.sorted(by: { $0.key < $1.key }) {
            insertWord.reset()
            try insertWord.bind(term, df, names.contains(term) ? 1 : 0)
            try insertWord.run()
        }
    }

    /// Writes the expansions and the dictionary, in key order.
    ///
    /// - Returns: How many expansion entries were written.
    static func writeExpansions(_ table: ExpansionTable, dictionary: [String: ExpansionTable.WordKind], database: Database) throws -> Int {
        var expansionCount = 0
        let insertExpansion = try database.statement("INSERT INTO expansions(key, term, weight, kind, word) VALUES (?, ?, ?, ?, ?)")
        for (key, entries) in table.entries.sorted(by: { $0.key < $1.key }) {
            for entry in entries {
                insertExpansion.reset()
                try insertExpansion.bind(key, entry.term, entry.weight, entry.kind.rawValue, entry.word)
                try insertExpansion.run()
                expansionCount += 1
            }
        }
        let insertDictionaryWord = try database.statement("INSERT INTO dictionary(term, name) VALUES (?, ?)")
        for (term, kind) in dictionary.sorted(by: { $0.key < $1.key }) {
            insertDictionaryWord.reset()
            try insertDictionaryWord.bind(term, kind.rawValue)
            try insertDictionaryWord.run()
        }
        return expansionCount
    }
}
