#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, modification and status-change times (to the nanosecond) and inode: what the
/// `verified` stamp ties a hash to. Writing to a file changes both times, replacing it changes the
/// inode, and the status-change time cannot be set back by hand (`touch` sets only the others).
struct FileState: Equatable, Sendable {
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int64
    var changed: Int64
    var inode: UInt64

    /// The state of the regular file at `path`, or `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(status.st_size)
        #if canImport(Darwin)
        modified = Self.nanoseconds(status.st_mtimespec)
        changed = Self.nanoseconds(status.st_ctimespec)
        #else
        modified = Self.nanoseconds(status.st_mtim)
        changed = Self.nanoseconds(status.st_ctim)
        #endif
        inode = UInt64(status.st_ino)
    }

    init(size: Int, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// "seconds.nanoseconds", as `stat -c %.9Y` writes a time.
    static func text(_ nanoseconds: Int64) -> String {
        let fraction = String(nanoseconds % 1_000_000_000)
        return "\(nanoseconds / 1_000_000_000)." + String(repeating: "0", count: 9 - fraction.count) + fraction
    }

    /// The nanoseconds of a time written as "seconds.nanoseconds" (nine digits), or `nil`.
    static func nanoseconds(text: Substring) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 9, let seconds = Int64(parts[0]), let fraction = Int64(parts[1]),
            fraction >= 0
        else { return nil }
        return seconds * 1_000_000_000 + fraction
    }
}

/// The `verified` file in the model folder: one line per file that was hashed and matched,
/// `name sha256 size mtime ctime inode` (the format scripts/fetch-model.sh writes with
/// `stat -c '%s %.9Y %.9Z %i'`).
///
/// While a file keeps the state recorded with the expected hash, it is not hashed again.
struct VerificationStamp {
    struct Entry: Equatable {
        var sha256: String
        var state: FileState
    }

    static let fileName = "verified"
    let path: String

    init(directory: String) {
        path = directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
    }

    /// The entries by file name; empty when there is no readable stamp. Malformed lines are ignored.
    func read() -> [String: Entry] {
        guard let file = fopen(path, "r") else { return [:] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            guard count > 0, bytes.count < 65536 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        var entries: [String: Entry] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 6, let size = Int(fields[2]), let modified = FileState.nanoseconds(text: fields[3]),
                let changed = FileState.nanoseconds(text: fields[4]), let inode = UInt64(fields[5])
            else { continue }
            let state = FileState(size: size, modified: modified, changed: changed, inode: inode)
            entries[String(fields[0])] = Entry(sha256: String(fields[1]), state: state)
        }
        return entries
    }

    /// Replaces the stamp with `entries` (temporary file + rename); does nothing when the folder is not
    /// writable, since the stamp only saves time.
    func record(_ entries: [(name: String, entry: Entry)]) {
        let text = entries.map { name, entry in
            let state = entry.state
            return "\(name) \(entry.sha256) \(state.size) \(FileState.text(state.modified)) "
                + "\(FileState.text(state.changed)) \(state.inode)\n"
        }.joined()
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress.unsafelyUnwrapped) }
        guard descriptor >= 0 else { return }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fchmod(descriptor, 0o644)
        close(descriptor)
        if written != bytes.count || rename(temporary, path) != 0 {
            unlink(temporary)
        }
    }
}
