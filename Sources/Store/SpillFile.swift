import Foundation

/// A scratch file of unsigned varints (and texts, each after its length), written once and then
/// read back from the start.
///
/// The file is unlinked as soon as it is opened, so it disappears with the process however the
/// process ends; only the open descriptor keeps it alive. One thread uses it at a time: the build
/// may hand it to another (`handOff`), never share it.
///
/// The buffer and offset skip Swift's run-time exclusivity checks (`@exclusivity(unchecked)`): no
/// method reaches them while another access to them is open, and at one check per varint the
/// checks were half of the 2 % of a 100k build's CPU time that such checks took.
final class SpillFile: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    @exclusivity(unchecked) private var readOffset = 0
    private let bufferSize = 1 << 20

    /// Creates the scratch file at `path` (which must not be in use) and unlinks it at once.
    init(path: String) throws {
        guard let file = fopen(path, "w+b") else {
            throw DatabaseError(.sqlite, message: "cannot create the scratch file \(path): \(String(cString: strerror(errno)))")
        }
        unlink(path)
        self.file = file
        buffer.reserveCapacity(bufferSize)
    }

    deinit {
        fclose(file)
    }

    /// Appends `value`.
    func write(_ value: UInt64) throws {
        Varint.append(value, to: &buffer)
        if buffer.count >= bufferSize { try flush() }
    }

    /// Appends `text`: its UTF-8 length, then its bytes.
    func write(text: String) throws {
        let bytes = Array(text.utf8)
        try write(UInt64(bytes.count))
        buffer.append(contentsOf: bytes)
        if buffer.count >= bufferSize { try flush() }
    }

    /// The next text.
    ///
    /// - Throws: when the file ends in the middle of what was written.
    func readText() throws -> String {
        var remaining = Int(try read())
        var bytes: [UInt8] = []
        bytes.reserveCapacity(remaining)
        while remaining > 0 {
            if readOffset == buffer.count { try refill() }
            let taken = min(remaining, buffer.count - readOffset)
            bytes.append(contentsOf: buffer[readOffset..<readOffset + taken])
            readOffset += taken
            remaining -= taken
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func flush() throws {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == buffer.count else {
            throw DatabaseError(.sqlite, message: "cannot write the build's scratch file: \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends writing and rewinds for reading.
    func rewindForReading() throws {
        try flush()
        rewind(file)
        readOffset = 0
    }

    /// The next value.
    ///
    /// - Throws: when the file ends in the middle of what was written.
    func read() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            if readOffset == buffer.count { try refill() }
            let byte = buffer[readOffset]
            readOffset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private func refill() throws {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: repeatElement(0, count: bufferSize))
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        buffer.removeLast(bufferSize - count)
        readOffset = 0
        guard count > 0 else {
            throw DatabaseError(.sqlite, message: "the build's scratch file ended early")
        }
    }
}
