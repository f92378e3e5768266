#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of piped input: its text, or only how long it was when it was too long to keep.
public enum InputLine: Equatable, Sendable {
    /// A line without its line break (`\n` or `\r\n`).
    case text(String)
    /// A line longer than the reader's limit, skipped unread; `bytes` is its length.
    case tooLong(bytes: Int)
}

/// Reads lines from a file descriptor (standard input), keeping at most `limit` bytes of any line.
///
/// `Swift.readLine` reads a line whole before anyone can look at its length, so a 200 MB line
/// costs 200 MB. Here the bytes of a line past `limit` are skipped as they arrive, up to the next
/// line feed, and the line comes back as `.tooLong`: memory is one read buffer plus `limit`,
/// whatever the input.
///
/// ```swift
/// let lines = InputLines(fileDescriptor: STDIN_FILENO, limit: 64 * 1024)
/// while let line = lines.next() { … }
/// ```
public final class InputLines {
    private let fileDescriptor: Int32
    private let limit: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false

    /// - Parameters:
    ///   - fileDescriptor: Where to read; it is not closed.
    ///   - limit: The most bytes kept of one line.
    ///   - chunkSize: How many bytes one `read` asks for.
    public init(fileDescriptor: Int32, limit: Int, chunkSize: Int = 64 * 1024) {
        self.fileDescriptor = fileDescriptor
        self.limit = limit
        buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
    }

    /// The next line, or `nil` at the end of the input (or when it cannot be read).
    public func next() -> InputLine? {
        var line: [UInt8] = []
        var length = 0
        while true {
            if start == end {
                guard !atEnd, refill() else {
                    return length == 0 ? nil : finished(line, length: length)
                }
            }
            let newline = firstLineFeed()
            let piece = buffer[start..<(newline ?? end)]
            if length + piece.count <= limit {
                line += piece
            }
            length += piece.count
            start = newline.map { $0 + 1 } ?? end
            if newline != nil {
                return finished(line, length: length)
            }
        }
    }

    private func finished(_ line: [UInt8], length: Int) -> InputLine {
        guard length <= limit else { return .tooLong(bytes: length) }
        let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
        return .text(String(decoding: text, as: UTF8.self))
    }

    /// Where the next line feed in the unread bytes is (`memchr`, fast even over a skipped 200 MB line).
    private func firstLineFeed() -> Int? {
        buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) else {
                return nil
            }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    /// Reads the next chunk; false at the end of the input or on a read error.
    private func refill() -> Bool {
        start = 0
        end = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                end = count
                return true
            }
            if count < 0 && errno == EINTR { continue }
            atEnd = true
            return false
        }
    }
}
