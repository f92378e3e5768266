import Encoder

extension AddressSpace {
    /// The least room a build needs above what is mapped: analysis tables, SQLite's cache, a run of postings.
    static let leastRoom = 160 << 20

    /// How many postings a run may hold under the limit: a quarter of the room, at ~36 bytes a
    /// posting held (its key, itself, the arrays' growth and the grouped copy made when it is written).
    ///
    /// - Throws: `DatabaseError.cannotWrite` when the room left is under `leastRoom`.
    static func runPostings(under limit: Int, used: Int, wanted: Int) throws -> Int {
        let room = limit - used
        guard room >= leastRoom else {
            throw DatabaseError(.cannotWrite, message: "the address-space limit (ulimit -v \(limit >> 10)) leaves \(max(0, room) >> 20) MB for a build, which needs at least \(leastRoom >> 20) MB more; raise it to at least \((used + leastRoom) >> 10) KB")
        }
        return min(wanted, max(100_000, room / 4 / 36))
    }
}
