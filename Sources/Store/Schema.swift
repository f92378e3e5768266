/// The store's tables and their version.
///
/// The version is SQLite's `user_version`; `application_id` marks the file as a Panelist store.
/// A store is not upgraded in place: one of another version is rebuilt from its files
/// (`PassageStore` refuses it and says so).
public enum Schema {
    /// "PANL": tells a Panelist store from other SQLite files.
    public static let applicationID: Int64 = 0x5041_4E4C
    /// The version this build writes and reads; 2: the passages' shown fields are compressed in
    /// blocks (`PassageBlock`), and only passages with an expert are indexed by expert; 3: the
    /// blocks are zstd frames rather than zlib streams; 4: passage vectors (`vectors`, `QuantizedVector`), and
    /// which dictionary words are only names; 5: sentence vectors (`sentence_vectors`); 6: each
    /// passage compressed alone against a dictionary (`PassageRecord`), in its `passages` row; 7: each
    /// passage's stop words and text length (`function_words`, `FunctionWordTable`); 8: the stop words
    /// kept as a bitmap of passages for each, read one by one; 9: filters of the expansion keys of more
    /// than one word and of the terms known only as names (`key_filters`, `KeyFilter`).
    public static let currentVersion: Int64 = 9

    /// The tables a store of the current version has; a store missing one is damaged.
    static let tables = ["meta", "passages", "passage_dictionary", "experts", "terms", "vocabulary", "expansions", "dictionary", "key_filters", "vectors", "sentence_vectors", "function_words"]

    /// The SQL that makes the tables of the current version.
    ///
    /// `passages` holds each passage's `PassageRecord`, `passage_dictionary` the dictionary they were
    /// compressed with (no row when the corpus was too small to train one); `vectors`
    /// each passage's `QuantizedVector` when the store was built with vectors (meta `encoder` says by what);
    /// `sentence_vectors` the vectors of each passage's sentences in one blob (`SentenceVectors`), when
    /// the encoder made them with the passage vectors; `function_words` one row, the `FunctionWordTable`.
    static let definition = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE passages(
            doc INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            expert TEXT NOT NULL,
            record BLOB NOT NULL);
        CREATE INDEX passages_by_expert ON passages(expert) WHERE expert != '';
        CREATE TABLE passage_dictionary(dictionary BLOB NOT NULL);
        CREATE TABLE experts(
            rank INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            passages INTEGER NOT NULL,
            questions TEXT NOT NULL);
        CREATE TABLE terms(
            field INTEGER NOT NULL,
            term TEXT NOT NULL,
            df INTEGER NOT NULL,
            max_weight REAL NOT NULL,
            postings BLOB NOT NULL,
            PRIMARY KEY(field, term)) WITHOUT ROWID;
        CREATE TABLE vectors(doc INTEGER PRIMARY KEY, vector BLOB NOT NULL);
        CREATE TABLE sentence_vectors(doc INTEGER PRIMARY KEY, vectors BLOB NOT NULL);
        CREATE TABLE function_words(words TEXT NOT NULL, frequencies BLOB NOT NULL, average_length REAL NOT NULL, lengths BLOB NOT NULL, bitmaps BLOB NOT NULL);
        """ + lexicalDefinition

    /// The tables of the corpus's words: the vocabulary, the lexicon's expansions narrowed to it and the
    /// dictionary of English words, with `key_filters` (a `KeyFilter` a row, by `KeyFilter.Kind`: of the
    /// expansion keys of more than one word, and of the dictionary's names); a build writes each apart
    /// first (`StagedTable`), the expansions and the dictionary each with its filter.
    static let lexicalDefinition = """
        CREATE TABLE vocabulary(term TEXT PRIMARY KEY, df INTEGER NOT NULL, name INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE expansions(
            key TEXT NOT NULL,
            term TEXT NOT NULL,
            weight REAL NOT NULL,
            kind TEXT NOT NULL,
            word TEXT NOT NULL,
            PRIMARY KEY(key, term)) WITHOUT ROWID;
        CREATE TABLE dictionary(term TEXT PRIMARY KEY, name INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE key_filters(name TEXT PRIMARY KEY, filter BLOB NOT NULL) WITHOUT ROWID;
        """

    /// Makes the tables in `database`, a new empty file, and marks it as a store of this version.
    ///
    /// - Throws: `DatabaseError` when SQL fails (as it does on a file that already has tables).
    public static func create(_ database: Database) throws {
        try database.transaction {
            try database.execute(definition)
            try database.execute("PRAGMA application_id = \(applicationID)")
            try database.execute("PRAGMA user_version = \(currentVersion)")
        }
    }
}
