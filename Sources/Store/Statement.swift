import CSQLite
import Foundation

/// A compiled SQL statement; owns its `sqlite3_stmt` and finalizes it in `deinit`.
///
/// Bind parameters by 1-based index, `step()` through rows, read columns by 0-based index.
public final class Statement {
    private let handle: OpaquePointer
    private unowned let database: Database
    /// The statement's SQL text.
    public let sql: String

    init(_ handle: OpaquePointer, database: Database, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Clears bindings and rewinds, ready to run again.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds values to the parameters in order, starting at 1; nil binds NULL.
    ///
    /// A parameter pack, not `any Bindable...`: a lookup binds without boxing its values in an array
    /// (a search makes some forty lookups).
    public func bind<each Value: Bindable>(_ values: repeat each Value) throws {
        var index: Int32 = 0
        for value in repeat each values {
            index += 1
            let status = value.bind(to: handle, at: index)
            guard status == SQLITE_OK else { throw database.error(status: status, sql: sql) }
        }
    }

    /// Advances to the next row.
    ///
    /// - Returns: true while there is a row to read, false when done.
    /// - Throws: `DatabaseError` when SQLite reports an error.
    @discardableResult
    public func step() throws -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(status: status, sql: sql)
        }
    }

    /// Runs the statement to completion, ignoring rows.
    public func run() throws {
        while try step() {}
    }

    public func int64(at column: Int32) -> Int64 {
        sqlite3_column_int64(handle, column)
    }

    public func int(at column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    public func double(at column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    /// Whether the column's value is NULL.
    public func isNull(at column: Int32) -> Bool {
        sqlite3_column_type(handle, column) == SQLITE_NULL
    }

    public func string(at column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: text)
    }

    /// The bytes of a BLOB column, passed to `body` without copying.
    public func withBlob<Result>(at column: Int32, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard let base = sqlite3_column_blob(handle, column), count > 0 else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
