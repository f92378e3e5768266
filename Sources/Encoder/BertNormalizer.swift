import Foundation

/// Normalises text before it is split into words, as BERT's uncased tokenizer does (Hugging Face
/// `tokenizers`' `BertNormalizer` with `clean_text`, `handle_chinese_chars`, `strip_accents` and
/// `lowercase`, the configuration of all-MiniLM-L6-v2), in this order:
///
/// 1. drop U+0000, U+FFFD and control characters (categories Cc, Cf, Co, Cs, except tab, line feed and
///    carriage return), and turn every white-space character into a space;
/// 2. put spaces around each CJK ideograph, so that each becomes a word;
/// 3. decompose (NFD) and drop non-spacing marks (Mn): "café" → "cafe"; characters newer than the
///    reference's Unicode 8.0 tables are left as they are;
/// 4. lower-case each character with its full Unicode mapping ("İ" has lost its dot in step 3; "Σ" → "σ").
///
/// Categories are the reference's (`ReferenceCategory`: Unicode 8.0's); white space and lower-casing
/// use the current tables, as the reference does.
///
/// ```swift
/// BertNormalizer().normalize(Array("Ça\tVA".unicodeScalars))  // "ca va"
/// ```
struct BertNormalizer: Sendable {
    /// The normalised scalars of `text`.
    ///
    /// - Complexity: O(n); text that is all ASCII skips decomposition.
    func normalize(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var cleaned: [Unicode.Scalar] = []
        cleaned.reserveCapacity(text.count)
        var ascii = true
        for scalar in text {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x09 || value == 0x0a || value == 0x0d || value == 0x20 {
                    cleaned.append(" ")
                } else if value >= 0x21 && value < 0x7f {
                    cleaned.append(scalar)
                }
                continue
            }
            ascii = false
            if value == 0xfffd || Self.isControl(scalar) { continue }
            if scalar.properties.isWhitespace {
                cleaned.append(" ")
            } else if Self.isChineseCharacter(value) {
                cleaned.append(" ")
                cleaned.append(scalar)
                cleaned.append(" ")
            } else {
                cleaned.append(scalar)
            }
        }
        if ascii {
            for index in cleaned.indices where (0x41...0x5a).contains(cleaned[index].value) {
                cleaned[index] = Unicode.Scalar(UInt8(cleaned[index].value) | 0x20)
            }
            return cleaned
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(cleaned.count)
        var start = 0
        for index in 0...cleaned.count where index == cleaned.count || !ReferenceCategory.isKnown(cleaned[index]) {
            if start < index { Self.stripAndLowercase(cleaned[start..<index], into: &result) }
            if index < cleaned.count { Self.lowercase(cleaned[index], into: &result) }
            start = index + 1
        }
        return result
    }

    /// Decomposes `run` (NFD), drops its non-spacing marks and lower-cases what is left.
    private static func stripAndLowercase(_ run: ArraySlice<Unicode.Scalar>, into result: inout [Unicode.Scalar]) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: run)
        for scalar in String(view).decomposedStringWithCanonicalMapping.unicodeScalars
        where ReferenceCategory.of(scalar) != .nonspacingMark {
            lowercase(scalar, into: &result)
        }
    }

    private static func lowercase(_ scalar: Unicode.Scalar, into result: inout [Unicode.Scalar]) {
        if scalar.value < 0x80 {
            result.append((0x41...0x5a).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
        } else {
            result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    /// A control character in the reference's sense: categories Cc, Cf, Co and Cs, except the three
    /// white-space controls (tab, line feed, carriage return), which count as white space. Unassigned
    /// code points (Cn) are kept.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0a, 0x0d: return false
        default: break
        }
        switch ReferenceCategory.of(scalar) {
        case .control, .format, .privateUse, .surrogate: return true
        default: return false
        }
    }

    /// A CJK unified or compatibility ideograph, in the ranges the reference uses (its fifth range
    /// starts at U+2B920 where BERT's starts at U+2B820; the reference is what the model saw).
    static func isChineseCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x4e00...0x9fff, 0x3400...0x4dbf, 0x20000...0x2a6df, 0x2a700...0x2b73f, 0x2b740...0x2b81f,
            0x2b920...0x2ceaf, 0xf900...0xfaff, 0x2f800...0x2fa1f:
            return true
        default:
            return false
        }
    }
}
