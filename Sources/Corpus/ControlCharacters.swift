extension String {
    /// The string without terminal control characters, so text from a corpus or a model cannot
    /// move the cursor, retitle the window or clear the screen when printed.
    ///
    /// Removes C0 controls other than tab and line feed (ESC and BEL among them), DEL and the C1
    /// controls U+0080–U+009F; a carriage return becomes a line feed unless one follows. What is
    /// left of an escape sequence (`[2J`) is then plain, harmless text.
    ///
    /// - Complexity: O(n); a string with no control characters is returned as it is.
    package func removingControlCharacters() -> String {
        guard mayHoldControlCharacters else { return self }
        var scalars = String.UnicodeScalarView()
        var previousWasReturn = false
        for scalar in unicodeScalars {
            defer { previousWasReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0D: scalars.append("\n")
            case 0x0A where previousWasReturn: continue
            case 0x09, 0x0A: scalars.append(scalar)
            case 0x00..<0x20, 0x7F...0x9F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether a byte of the string is a control character other than tab and line feed, DEL, or
    /// 0xC2 (the lead byte of every C1 control): then `removingControlCharacters` has work to do.
    ///
    /// One pass without an early exit, which the compiler vectorises: most text has none, and it is
    /// checked on every passage read (16× faster than `utf8.contains(where:)`, docs/PERFORMANCE.md).
    private var mayHoldControlCharacters: Bool {
        var copy = self
        return copy.withUTF8 { bytes in
            var flagged: UInt8 = 0
            for byte in bytes {
                let control: UInt8 = (byte < 0x20 ? 1 : 0) & (byte != 0x0A ? 1 : 0) & (byte != 0x09 ? 1 : 0)
                flagged |= control | (byte == 0x7F ? 1 : 0) | (byte == 0xC2 ? 1 : 0)
            }
            return flagged != 0
        }
    }
}
