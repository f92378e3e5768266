/// The store's tables and how to bring a file to the current version.
///
/// The version is SQLite's `user_version`; `application_id` marks the file as a Panelist store.
public enum Schema {
    /// "PANL": tells a Panelist store from other SQLite files.
    public static let applicationID: Int64 = 0x5041_4E4C
    /// The version this build writes and reads.
    public static let currentVersion: Int64 = 1

    /// The SQL that takes a store from version `n − 1` to `n`, by `n`.
    static let migrations: [Int64: String] = [
        1: """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE passages(
            doc INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            expert TEXT NOT NULL,
            role TEXT NOT NULL,
            question TEXT NOT NULL,
            text TEXT NOT NULL,
            source TEXT NOT NULL,
            ordinal INTEGER NOT NULL);
        CREATE INDEX passages_by_expert ON passages(expert);
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
        CREATE TABLE vocabulary(term TEXT PRIMARY KEY, df INTEGER NOT NULL, name INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE expansions(
            key TEXT NOT NULL,
            term TEXT NOT NULL,
            weight REAL NOT NULL,
            kind TEXT NOT NULL,
            word TEXT NOT NULL,
            PRIMARY KEY(key, term)) WITHOUT ROWID;
        CREATE TABLE dictionary(term TEXT PRIMARY KEY) WITHOUT ROWID;
        """,
    ]

    /// Applies every migration above the file's version, in one transaction.
    ///
    /// - Throws: `DatabaseError` when the file is newer than this build or SQL fails.
    public static func migrate(_ database: Database) throws {
        let version = try database.pragma("user_version")
        guard version <= currentVersion else {
            throw DatabaseError(.newerVersion, message: "\(database.path) was written by a newer Panelist (schema \(version), this build reads \(currentVersion)); upgrade Panelist or rebuild it with `panelist index`")
        }
        guard version < currentVersion else { return }
        try database.transaction {
            for step in (version + 1)...currentVersion {
                if let sql = migrations[step] { try database.execute(sql) }
            }
            try database.execute("PRAGMA application_id = \(applicationID)")
            try database.execute("PRAGMA user_version = \(currentVersion)")
        }
    }
}
