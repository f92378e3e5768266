import CSQLite

/// A database as the bytes of its file, held in memory SQLite allocated: made on one connection
/// (`Database.serialized()`) and attached to another (`Database.attach(_:as:)`), which may be on
/// another thread. Freed when dropped, unless attached.
final class SerializedDatabase: @unchecked Sendable {
    // Owned by this object until `attach` hands it to SQLite; only one thread holds the object at a time.
    fileprivate var bytes: UnsafeMutablePointer<UInt8>?
    fileprivate let size: Int64

    fileprivate init(bytes: UnsafeMutablePointer<UInt8>, size: Int64) {
        self.bytes = bytes
        self.size = size
    }

    deinit {
        sqlite3_free(bytes)
    }
}

extension Database {
    /// A copy of the main database's bytes.
    ///
    /// - Throws: `DatabaseError` when SQLite cannot make it (out of memory).
    func serialized() throws -> SerializedDatabase {
        var size: Int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw DatabaseError(.sqlite, message: "\(path): cannot copy the database into memory")
        }
        return SerializedDatabase(bytes: bytes, size: size)
    }

    /// Attaches `image` as the schema `name`; SQLite frees its bytes when it is detached.
    /// Not within a transaction: SQLite cannot attach there.
    ///
    /// - Throws: `DatabaseError` when SQLite refuses the bytes.
    func attach(_ image: SerializedDatabase, as name: String) throws {
        try execute("ATTACH ':memory:' AS \(name)")
        let bytes = image.bytes
        image.bytes = nil
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE)
        let status = sqlite3_deserialize(handle, name, bytes, image.size, image.size, flags)
        guard status == SQLITE_OK else {
            try? execute("DETACH \(name)")
            throw DatabaseError(.sqlite, message: "\(path): cannot attach a database from memory", resultCode: status)
        }
    }
}
