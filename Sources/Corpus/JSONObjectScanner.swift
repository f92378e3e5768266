/// Reads one JSON object from UTF-8 bytes, handing over each member whose value is a string or
/// null; values of other kinds are checked and skipped.
///
/// Accepts exactly what a JSON parser accepts for a single object (RFC 8259): whitespace around
/// tokens, every string escape including `\uXXXX` surrogate pairs, numbers, `true`, `false`,
/// `null`, and nested arrays and objects up to `maxDepth` deep. Anything else — trailing bytes,
/// invalid UTF-8, control characters in strings, lone surrogates — is an error.
///
/// ```swift
/// try JSONObjectScanner.members(of: bytes) { key, value in
///     if key == "text", case .string(let text) = value { print(text) }
/// }
/// ```
struct JSONObjectScanner {
    /// A member's value as far as the caller cares.
    enum Value: Equatable {
        case string(String)
        case null
        /// A number, boolean, array or object (checked but not read).
        case other
    }

    /// Why the bytes are not one JSON object; `offset` is where scanning stopped.
    struct Malformed: Error, Equatable {
        var offset: Int
    }

    /// How deeply arrays and objects may nest.
    static let maxDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// The bytes of a string being unescaped, reused from string to string.
    private var unescaped: [UInt8] = []

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Calls `body` with each member of the object in `bytes`, in order.
    ///
    /// - Throws: `Malformed` when `bytes` are not exactly one JSON object (surrounding whitespace aside).
    static func members(of bytes: UnsafeRawBufferPointer, _ body: (String, Value) throws -> Void) throws {
        var scanner = JSONObjectScanner(bytes)
        scanner.skipWhitespace()
        try scanner.expect(UInt8(ascii: "{"))
        scanner.skipWhitespace()
        if scanner.peek() == UInt8(ascii: "}") {
            scanner.offset += 1
        } else {
            while true {
                scanner.skipWhitespace()
                let key = try scanner.string()
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"))
                scanner.skipWhitespace()
                let value: Value
                switch scanner.peek() {
                case UInt8(ascii: "\""): value = .string(try scanner.string())
                case UInt8(ascii: "n"): try scanner.literal("null"); value = .null
                default: try scanner.skipValue(depth: 1); value = .other
                }
                try body(key, value)
                scanner.skipWhitespace()
                if try scanner.endOfContainer(closing: UInt8(ascii: "}")) { break }
            }
        }
        scanner.skipWhitespace()
        guard scanner.offset == bytes.count else { throw Malformed(offset: scanner.offset) }
    }

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard peek() == byte else { throw Malformed(offset: offset) }
        offset += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            offset += 1
        }
    }

    /// After a member or element: true at the container's closing byte, false at a comma.
    private mutating func endOfContainer(closing: UInt8) throws -> Bool {
        switch peek() {
        case closing: offset += 1; return true
        case UInt8(ascii: ","): offset += 1; return false
        default: throw Malformed(offset: offset)
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw Malformed(offset: offset) }
        let start = word.utf8Start
        for index in 0..<count where bytes[offset + index] != start[index] {
            throw Malformed(offset: offset + index)
        }
        offset += count
    }

    /// Skips any value, checking it.
    private mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw Malformed(offset: offset) }
        switch peek() {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "["):
            offset += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { offset += 1; return }
            repeat {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
            } while try !endOfContainer(closing: UInt8(ascii: "]"))
        case UInt8(ascii: "{"):
            offset += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { offset += 1; return }
            repeat {
                skipWhitespace()
                _ = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
            } while try !endOfContainer(closing: UInt8(ascii: "}"))
        default: try skipNumber()
        }
    }

    /// Skips `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    private mutating func skipNumber() throws {
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else {
            try skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            offset += 1
            try skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            try skipDigits()
        }
    }

    /// Skips one or more decimal digits.
    private mutating func skipDigits() throws {
        let start = offset
        while let byte = peek(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { offset += 1 }
        guard offset > start else { throw Malformed(offset: offset) }
    }

    /// Reads a string starting at its opening quote.
    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = offset
        var isASCII = true
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
                offset += 1
                return try Self.text(of: raw, isASCII: isASCII, at: start)
            }
            if byte == UInt8(ascii: "\\") { return try unescapedString(from: start) }
            guard byte >= 0x20 else { throw Malformed(offset: offset) }
            if byte >= 0x80 { isASCII = false }
            offset += 1
        }
        throw Malformed(offset: offset)
    }

    /// Reads the rest of a string that has escapes; `start` is just after its opening quote.
    private mutating func unescapedString(from start: Int) throws -> String {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try unescaped.withUnsafeBytes { try Self.text(of: $0, isASCII: false, at: start) }
            case UInt8(ascii: "\\"):
                try appendEscape()
            case ..<0x20:
                throw Malformed(offset: offset - 1)
            default:
                unescaped.append(byte)
            }
        }
        throw Malformed(offset: offset)
    }

    /// Appends the character of the escape after a backslash, as UTF-8.
    private mutating func appendEscape() throws {
        guard let byte = peek() else { throw Malformed(offset: offset) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped.append(byte)
        case UInt8(ascii: "b"): unescaped.append(0x08)
        case UInt8(ascii: "f"): unescaped.append(0x0C)
        case UInt8(ascii: "n"): unescaped.append(0x0A)
        case UInt8(ascii: "r"): unescaped.append(0x0D)
        case UInt8(ascii: "t"): unescaped.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = offset - 2
            var code = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(code) {
                guard peek() == UInt8(ascii: "\\") else { throw Malformed(offset: escapeStart) }
                offset += 1
                try expect(UInt8(ascii: "u"))
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed(offset: escapeStart) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw Malformed(offset: escapeStart) }
            unescaped.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw Malformed(offset: offset - 1)
        }
    }

    /// Reads four hexadecimal digits.
    private mutating func hexQuad() throws -> UInt16 {
        guard offset + 4 <= bytes.count else { throw Malformed(offset: offset) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed(offset: offset)
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    /// The string of UTF-8 `bytes`, which must be valid UTF-8.
    private static func text(of bytes: UnsafeRawBufferPointer, isASCII: Bool, at offset: Int) throws -> String {
        let units = bytes.assumingMemoryBound(to: UInt8.self)
        if !isASCII {
            let invalid = transcode(units.makeIterator(), from: UTF8.self, to: UTF8.self, stoppingOnError: true) { _ in }
            guard !invalid else { throw Malformed(offset: offset) }
        }
        return String(decoding: units, as: UTF8.self)
    }
}
