import CSQLite
import Foundation

/// A value that can be bound to a parameter of a prepared statement.
public protocol Bindable {
    /// Binds the value to the 1-based parameter `index` of the SQLite statement `statement`.
    ///
    /// - Returns: SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

extension String: Bindable {
    /// Binds the text from its UTF-8 bytes, which SQLite copies.
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        guard !isEmpty else { return sqlite3_bind_text(statement, index, "", 0, panelist_sqlite_transient()) }
        var text = self
        return text.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), panelist_sqlite_transient()) }
    }
}

extension Int: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Int64: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, self)
    }
}

extension Int32: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_int64(statement, index, Int64(self))
    }
}

extension Double: Bindable {
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Array: Bindable where Element == UInt8 {
    /// Binds the bytes as a BLOB, which SQLite copies.
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), panelist_sqlite_transient()) }
    }
}

extension Data: Bindable {
    /// Binds the bytes as a BLOB, which SQLite copies.
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), panelist_sqlite_transient()) }
    }
}

extension Optional: Bindable where Wrapped: Bindable {
    /// Binds the value, or NULL for nil.
    public func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        map { $0.bind(to: statement, at: index) } ?? sqlite3_bind_null(statement, index)
    }
}
