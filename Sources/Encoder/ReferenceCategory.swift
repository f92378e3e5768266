/// The general category of a scalar as the reference tokenizer sees it: Hugging Face `tokenizers`
/// classifies characters with tables of Unicode 8.0 (the `unicode_categories` crate), so a character
/// assigned later is unassigned (Cn) to it — a newer combining mark is not stripped, a newer
/// punctuation mark does not split a word — and the few characters whose category changed since then
/// keep their Unicode 8.0 category; nor does it decompose a later character (U+11938 has a canonical
/// decomposition since Unicode 13). Swift's own tables are newer; this maps them back.
enum ReferenceCategory {
    /// The Unicode version of the reference's tables.
    static let version = (major: 8, minor: 0)

    /// Whether `scalar` was assigned by the reference's Unicode version; the reference neither
    /// decomposes nor classifies a later one.
    static func isKnown(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return age.major < version.major || (age.major == version.major && age.minor <= version.minor)
    }

    /// The category the reference gives `scalar`.
    static func of(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        if let category = changedSinceVersion8[scalar.value] { return category }
        return isKnown(scalar) ? scalar.properties.generalCategory : .unassigned
    }

    /// Characters of Unicode 8.0 whose category has changed since, where the change matters here (to or
    /// from a mark, a format character or punctuation); found by tokenizing every code point with
    /// both tokenizers.
    private static let changedSinceVersion8: [UInt32: Unicode.GeneralCategory] = [
        0x111c9: .otherPunctuation,  // SHARADA SANDHI MARK, Mn since Unicode 12
        0x166d: .otherPunctuation,  // CANADIAN SYLLABICS CHI SIGN, So since Unicode 12
        0x1734: .nonspacingMark,  // HANUNOO SIGN PAMUDPOD, Mc since Unicode 14
        0x1171e: .nonspacingMark,  // AHOM CONSONANT SIGN MEDIAL RA, Mc since Unicode 14
        0x1885: .otherLetter,  // MONGOLIAN LETTER ALI GALI BALUDA, Mn since Unicode 9
        0x1886: .otherLetter,  // MONGOLIAN LETTER ALI GALI THREE BALUDA, Mn since Unicode 9
        0xa9bd: .spacingMark,  // JAVANESE CONSONANT SIGN KERET, Mn since Unicode 12
    ]
}
