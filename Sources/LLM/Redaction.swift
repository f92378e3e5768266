import Foundation

/// Hides a secret (the API key, a password in the URL) in text that came from a server or libcurl.
///
/// Servers quote a key they reject in many forms: whole, in another case, in part, or masked
/// ("sk-abc…wxyz", "sk-proj-****wxyz"). So every run of at least `minimumPart` characters that also
/// occurs in the secret is hidden (ASCII letters compared without case), and so is a masked form: a
/// start of the secret, a mask ("…", "..." or "*"), and an end of the secret, at least four
/// characters of the secret in all.
///
/// ```swift
/// Redaction(secret: "sk-SECRET-0123456789")?.apply("bad key SK-secret-0123…6789")  // "bad key [redacted]"
/// ```
///
/// - Complexity: O(n) in the length of the text: shared runs are found with a rolling window of
///   `minimumPart` bytes looked up in a set of the secret's windows.
struct Redaction: Sendable {
    /// The shortest run shared with the secret that is hidden; a shorter secret is hidden only whole.
    static let minimumPart = 8
    /// What stands in for a hidden run.
    static let replacement = "[redacted]"

    private let secret: [UInt8]
    private let width: Int
    private let windows: Set<UInt64>

    /// A redaction of `secret`, or `nil` when there is no secret (`nil`, empty or only whitespace).
    init?(secret: String?) {
        guard let trimmed = secret?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        self.secret = trimmed.utf8.map(Self.fold)
        width = min(Self.minimumPart, self.secret.count)
        var windows = Set<UInt64>()
        for start in 0...(self.secret.count - width) {
            windows.insert(Self.pack(self.secret[start..<(start + width)]))
        }
        self.windows = windows
    }

    /// `text` with every part and masked form of the secret replaced by `[redacted]`.
    func apply(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var hidden = [Bool](repeating: false, count: bytes.count)
        var found = false
        let mask: UInt64 = width == 8 ? .max : (1 << (8 * UInt64(width))) - 1
        var window: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            window = ((window << 8) | UInt64(Self.fold(byte))) & mask
            if index + 1 >= width, windows.contains(window) {
                for position in (index + 1 - width)...index { hidden[position] = true }
                found = true
            }
        }
        for range in maskedForms(in: bytes) {
            for position in range { hidden[position] = true }
            found = true
        }
        guard found else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if hidden[index] {
                output += Self.replacement.utf8
                while index < bytes.count, hidden[index] { index += 1 }
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The byte ranges of masked forms of the secret: key characters, a mask, key characters.
    private func maskedForms(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard let maskEnd = Self.endOfMask(in: bytes, from: index) else {
                index += 1
                continue
            }
            var start = index
            while start > 0, Self.isKeyCharacter(bytes[start - 1]) { start -= 1 }
            var end = maskEnd
            while end < bytes.count, Self.isKeyCharacter(bytes[end]) { end += 1 }
            let head = bytes[start..<index].map(Self.fold)
            let tail = bytes[maskEnd..<end].map(Self.fold)
            if head.count + tail.count >= 4, secret.starts(with: head), secret.reversed().starts(with: tail.reversed()) {
                ranges.append(start..<end)
            }
            index = maskEnd
        }
        return ranges
    }

    /// Where a mask starting at `start` ends: a run of `*`, `.` and `…` holding a `*`, a `…` or two dots.
    private static func endOfMask(in bytes: [UInt8], from start: Int) -> Int? {
        let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]
        var index = start
        var dots = 0
        var marked = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "*") {
                marked = true
                index += 1
            } else if bytes[index] == UInt8(ascii: ".") {
                dots += 1
                index += 1
            } else if bytes[index...].starts(with: ellipsis) {
                marked = true
                index += ellipsis.count
            } else {
                break
            }
        }
        return index > start && (marked || dots >= 2) ? index : nil
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// The byte with ASCII upper case folded to lower case.
    private static func fold(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { ($0 << 8) | UInt64($1) }
    }
}
