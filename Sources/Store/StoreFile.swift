import Foundation

/// What a path holds, as far as writing a store there is concerned; read from the file system
/// and the first 100 bytes, never by opening the file as a database.
///
/// A path is overwritten only when it is `.absent`, `.empty` or a `.store` (see `isReplaceable`):
/// anything else may be somebody's data.
public enum StoreFile: Equatable, Sendable {
    /// Nothing there (a dangling symbolic link counts as nothing).
    case absent
    /// A regular file of zero bytes: nothing to lose.
    case empty
    /// A Panelist store of this schema version (SQLite's `user_version`).
    case store(schema: Int64)
    /// An SQLite database that is not a Panelist store.
    case otherDatabase
    /// A regular file that is not an SQLite database.
    case otherFile
    /// A folder.
    case folder
    /// A device, FIFO or socket: never read or written as a store.
    case special
    /// A file Panelist may not read, so it cannot tell what it is.
    case unreadable

    /// What is at `path`, following symbolic links.
    public init(at path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = errno == ENOENT || errno == ENOTDIR ? .absent : .unreadable
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: self = .folder
        case S_IFREG: self = info.st_size == 0 ? .empty : Self.kind(ofFileAt: path)
        default: self = .special
        }
    }

    /// Whether a build may replace what is there.
    public var isReplaceable: Bool {
        switch self {
        case .absent, .empty, .store: true
        default: false
        }
    }

    /// What the path holds, for messages: "an SQLite database that is not a Panelist store".
    public var description: String {
        switch self {
        case .absent: "nothing"
        case .empty: "an empty file"
        case .store(let schema): "a Panelist store (schema \(schema))"
        case .otherDatabase: "an SQLite database that is not a Panelist store"
        case .otherFile: "a file that is not a Panelist store"
        case .folder: "a folder"
        case .special: "a device, FIFO or socket, not a file"
        case .unreadable: "a file Panelist cannot read"
        }
    }

    /// The SQLite header: "SQLite format 3\0", `user_version` at byte 60, `application_id` at 68.
    static func kind(ofFileAt path: String) -> StoreFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 100) }
        guard count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else { return .otherFile }
        func integer(at offset: Int) -> Int64 {
            Int64(Int32(bitPattern: header[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }))
        }
        return integer(at: 68) == Schema.applicationID ? .store(schema: integer(at: 60)) : .otherDatabase
    }
}
