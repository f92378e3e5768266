import CSQLite

/// A failure reported by SQLite or found in a store file.
///
/// Carries the SQLite result code, SQLite's message and the SQL that failed, plus a
/// one-line `message` that says what to do.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Equatable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case sqlite, missing, notAStore, newerVersion, corrupt, cannotWrite
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// SQLite returned an error; `resultCode` tells which.
        public static let sqlite = Code(.sqlite)
        /// The store file does not exist.
        public static let missing = Code(.missing)
        /// The file is not a Panelist store (another SQLite database, or not SQLite at all).
        public static let notAStore = Code(.notAStore)
        /// The store was written by a newer Panelist.
        public static let newerVersion = Code(.newerVersion)
        /// The store's contents are damaged.
        public static let corrupt = Code(.corrupt)
        /// A store or its folder cannot be written (permissions, a full disk).
        public static let cannotWrite = Code(.cannotWrite)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// SQLite's primary result code, or `SQLITE_OK` when the error is Panelist's own.
    public var resultCode: Int32
    /// One line: what went wrong and how to remedy it.
    public var message: String
    /// The statement that failed, if any.
    public var sql: String?

    public init(_ code: Code, message: String, resultCode: Int32 = SQLITE_OK, sql: String? = nil) {
        self.code = code
        self.message = message
        self.resultCode = resultCode
        self.sql = sql
    }

    public var description: String { message }
}
