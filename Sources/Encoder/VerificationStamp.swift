#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, modification time (whole seconds) and inode: what the `verified` stamp ties a hash to.
struct FileState: Equatable, Sendable {
    var size: Int
    var modified: Int
    var inode: UInt64

    /// The state of the regular file at `path`, or `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(status.st_size)
        #if canImport(Darwin)
        modified = Int(status.st_mtimespec.tv_sec)
        #else
        modified = Int(status.st_mtim.tv_sec)
        #endif
        inode = UInt64(status.st_ino)
    }

    init(size: Int, modified: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}

/// The `verified` file in the model folder: one line per file that was hashed and matched,
/// `name sha256 size mtime inode` (the format scripts/fetch-model.sh writes with `stat -c '%s %Y %i'`).
///
/// While a file keeps the size, mtime and inode recorded with the expected hash, it is not hashed
/// again. Replacing the file (a new inode) or writing to it (a new mtime) invalidates its line.
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
            guard fields.count == 5, let size = Int(fields[2]), let modified = Int(fields[3]), let inode = UInt64(fields[4])
            else { continue }
            entries[String(fields[0])] = Entry(sha256: String(fields[1]), state: FileState(size: size, modified: modified, inode: inode))
        }
        return entries
    }

    /// Replaces the stamp with `entries` (temporary file + rename); does nothing when the folder is not
    /// writable, since the stamp only saves time.
    func record(_ entries: [(name: String, entry: Entry)]) {
        let text = entries.map { "\($0.name) \($0.entry.sha256) \($0.entry.state.size) \($0.entry.state.modified) \($0.entry.state.inode)\n" }.joined()
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
