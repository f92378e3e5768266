import Foundation

/// Reads a file line by line, decompressing it on the fly when it is gzip-compressed (`FileBytes`).
///
/// Memory is one buffer of `chunkSize` bytes plus the longest line.
public final class LineReader {
    private let file: FileBytes
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false
    /// The file's path.
    public let path: String
    /// The file's size on disk (compressed), for estimating how far reading has come.
    public let fileSize: Int64

    /// Opens `path` for reading.
    ///
    /// - Throws: `CorpusError.unreadable` when the file cannot be opened.
    public init(path: String, chunkSize: Int = 1 << 18) throws {
        file = try FileBytes(path: path, bufferSize: min(chunkSize, 1 << 20))
        self.path = path
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 16))
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        fileSize = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// How many bytes of the file on disk have been consumed (compressed bytes for a gzip file).
    public var bytesConsumed: Int64 {
        file.bytesConsumed
    }

    /// The next line without its terminating newline, or nil at the end of the file.
    ///
    /// - Throws: `CorpusError.unreadable` when the file is damaged (a truncated gzip stream, say).
    public func nextLine() throws -> ArraySlice<UInt8>? {
        var scanFrom = start
        while true {
            if let newline = buffer[scanFrom..<end].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                return line
            }
            if finished {
                guard start < end else { return nil }
                let line = buffer[start..<end]
                start = end
                return line
            }
            scanFrom = try refill()
        }
    }

    /// Moves the unread bytes to the front, reads more after them and returns where new bytes begin.
    private func refill() throws -> Int {
        if start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + start, end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let scanFrom = end
        let count = try buffer.withUnsafeMutableBytes { raw in
            try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        if count == 0 { finished = true }
        end += count
        return scanFrom
    }
}
