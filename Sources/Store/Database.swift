import CSQLite

/// An open SQLite database file.
///
/// Owns the connection and closes it in `deinit`; statements are prepared once and cached.
public final class Database {
    private(set) var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]
    /// The statements of `statement(literal:)`, by the address of their SQL.
    private var literalCache: [UnsafeRawPointer: Statement] = [:]
    /// The file's path.
    public let path: String

    /// How the file is opened.
    public enum Mode: Sendable {
        case readOnly
        /// Read-write, creating the file if needed.
        case readWrite
    }

    /// Opens the database at `path`.
    ///
    /// - Throws: `DatabaseError` when SQLite cannot open it.
    public init(path: String, mode: Mode) throws {
        self.path = path
        _ = Self.configured
        let flags = mode == .readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let status = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            handle = nil
            throw DatabaseError(.sqlite, message: "cannot open \(path): \(message)", resultCode: status)
        }
    }

    /// Process-wide settings, made once before the first connection: no memory statistics, which
    /// Panelist never reads and which cost a lock around each of SQLite's allocations (measured in
    /// docs/PERFORMANCE.md).
    private static let configured: Void = {
        _ = panelist_sqlite_skip_memory_statistics()
    }()

    deinit {
        literalCache.removeAll()
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    ///
    /// - Throws: `DatabaseError` with SQLite's message and the SQL.
    public func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard status == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(errorMessage)
            throw DatabaseError(.sqlite, message: "\(path): \(message)", resultCode: status, sql: sql)
        }
    }

    /// A prepared statement for `sql`, compiled once per connection and reset for reuse.
    ///
    /// - Throws: `DatabaseError` when the SQL does not compile.
    public func statement(_ sql: String) throws -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var raw: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &raw, nil)
        guard status == SQLITE_OK, let raw else {
            throw DatabaseError(.sqlite, message: "\(path): \(lastErrorMessage)", resultCode: status, sql: sql)
        }
        let statement = Statement(raw, database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// A prepared statement for the literal `sql`, found by the literal's address rather than by
    /// hashing its text: a search runs some forty lookups, and hashing their SQL took 1.5 % of its
    /// instructions at 10k passages.
    ///
    /// - Throws: `DatabaseError` when the SQL does not compile.
    public func statement(literal sql: StaticString) throws -> Statement {
        let key = UnsafeRawPointer(sql.utf8Start)
        if let cached = literalCache[key] {
            cached.reset()
            return cached
        }
        let statement = try statement(sql.description)
        literalCache[key] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<Result>(_ body: () throws -> Result) throws -> Result {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Makes a statement that finds the database locked by another process wait up to `milliseconds`
    /// for it, instead of failing at once (for files several processes write, such as the conversation log).
    public func waitWhenBusy(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Leaves checkpointing a write-ahead log to later commits instead of doing it, with an fsync,
    /// when this connection closes: a short-lived process that appends one row then pays for one
    /// write, not for a checkpoint. The commit that leaves `frames` frames or more in the log
    /// checkpoints it whole and truncates it: each process that opens the file recovers the log
    /// (reads it whole and forgets what was checkpointed), so SQLite's own automatic checkpoint never
    /// restarts it, and it grew by every turn, with each process's opening and commit slower for it
    /// (measured in docs/PERFORMANCE.md).
    public func checkpointOnlyWhenTheLogReaches(frames: Int32) {
        _ = panelist_sqlite_no_checkpoint_on_close(handle)
        panelist_sqlite_truncate_wal_at(handle, frames)
    }

    /// The row id of the last row inserted on this connection.
    public var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// The integer value of a pragma such as `user_version`.
    public func pragma(_ name: String) throws -> Int64 {
        let statement = try statement("PRAGMA \(name)")
        // Reset at once: a statement left on a row holds a read transaction open.
        defer { statement.reset() }
        guard try statement.step() else { return 0 }
        return statement.int64(at: 0)
    }

    /// `count` little-endian integers of the BLOB in `column` of row `row` of `table`, from byte
    /// `offset`, read straight into the array: a large BLOB read as a column is first gathered by
    /// SQLite, then copied again.
    public func blob<Element: FixedWidthInteger>(in table: String, column: String, row: Int64, count: Int, offset: Int = 0,
                                                 as type: Element.Type = Element.self) throws -> [Element] {
        var blob: OpaquePointer?
        var status = sqlite3_blob_open(handle, "main", table, column, row, 0, &blob)
        defer { sqlite3_blob_close(blob) }
        guard status == SQLITE_OK else { throw error(status: status, sql: "read \(table).\(column)") }
        guard count > 0 else { return [] }
        let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = sqlite3_blob_read(blob, buffer.baseAddress, Int32(count * MemoryLayout<Element>.size), Int32(offset))
            guard status == SQLITE_OK else {
                initialized = 0
                return
            }
            for index in 0..<count { buffer[index] = Element(littleEndian: buffer[index]) }
            initialized = count
        }
        guard status == SQLITE_OK else { throw error(status: status, sql: "read \(table).\(column)") }
        return values
    }

    var lastErrorMessage: String {
        handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection"
    }

    func error(status: Int32, sql: String) -> DatabaseError {
        DatabaseError(.sqlite, message: "\(path): \(lastErrorMessage)", resultCode: status, sql: sql)
    }
}
