import Foundation

/// The process's address-space limit (`ulimit -v`), which a build and the encoder must fit under:
/// Swift cannot recover from a failed allocation (nor OpenBLAS from a failed buffer), so each sizes
/// itself to the limit, or refuses to start when the limit leaves it no room, instead of crashing
/// or hanging half-way.
public enum AddressSpace {
    /// The limit in bytes, or nil when there is none.
    public static var limit: Int? {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// The address space mapped now (`/proc/self/statm`'s first field), 0 when unknown.
    public static var used: Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii),
              let pages = statm.split(separator: " ").first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
