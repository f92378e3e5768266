/// A passage as an index lists it: its number, id and expert, without its text.
public struct PassageIndexEntry: Sendable, Equatable {
    public var doc: Int32
    public var id: String
    public var expert: String
}

extension PassageStore {
    /// The number of the passage whose id is `id`, or nil when the store has none.
    ///
    /// - Throws: `DatabaseError` when the store cannot be read.
    public func doc(ofPassageID id: String) throws -> Int32? {
        do {
            let statement = try database.statement(literal: "SELECT doc FROM passages WHERE id = ?")
            try statement.bind(id)
            return try statement.step() ? Int32(statement.int64(at: 0)) : nil
        } catch let error as DatabaseError {
            throw Self.explain(error, path: database.path, rebuild: rebuild)
        }
    }

    /// Up to `limit` passages numbered above `doc`, in order: pages of the store's contents.
    ///
    /// - Throws: `DatabaseError` when the store cannot be read.
    public func passageIndex(after doc: Int32, limit: Int) throws -> [PassageIndexEntry] {
        do {
            let statement = try database.statement(literal: "SELECT doc, id, expert FROM passages WHERE doc > ? ORDER BY doc LIMIT ?")
            try statement.bind(doc, limit)
            var entries: [PassageIndexEntry] = []
            while try statement.step() {
                entries.append(PassageIndexEntry(doc: Int32(statement.int64(at: 0)), id: statement.string(at: 1), expert: statement.string(at: 2)))
            }
            return entries
        } catch let error as DatabaseError {
            throw Self.explain(error, path: database.path, rebuild: rebuild)
        }
    }
}
