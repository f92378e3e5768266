import Foundation

/// The process's address-space limit (`ulimit -v`), which a build must fit under: Swift cannot
/// recover from a failed allocation, so the build sizes itself to the limit, or refuses to start
/// when the limit leaves it no room, instead of crashing half-way.
enum AddressSpace {
    /// The limit in bytes, or nil when there is none.
    static var limit: Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// The address space mapped now (`/proc/self/statm`'s first field), 0 when unknown.
    static var used: Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii),
              let pages = statm.split(separator: " ").first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

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
