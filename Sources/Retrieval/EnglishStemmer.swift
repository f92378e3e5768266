/// Reduces English words to their stems with the Snowball English ("Porter2") algorithm.
///
/// This is the algorithm described at <https://snowballstem.org/algorithms/english/stemmer.html>
/// in its Snowball 3 revision, the one PyStemmer 3 ships (and bm25s uses), so stems agree with it
/// byte for byte. Compared with the original Porter2 description the revision adds the R1 prefixes
/// `past`, `univers`, `later`, `emerg`, `organ` and `inter`, the Step 2 suffix `ogist` and the
/// exceptional form `skis`; it treats `vying` like `dying` and `evening` like `inning`, and keeps
/// the double consonant of `adding` or `ebbing`.
///
/// The input must already be lower-cased. The stemmer works on UTF-8 bytes, in a stack buffer, so
/// stemming a word of up to 15 bytes through the `String` API allocates nothing. A word containing
/// a non-ASCII byte is returned unchanged, as is any word of fewer than three bytes.
///
/// ```swift
/// let stemmer = EnglishStemmer()
/// stemmer.stem("generously")   // "generous"
/// stemmer.stem("skies")        // "sky"
/// ```
public struct EnglishStemmer: Sendable {
    /// Creates a stemmer; it holds no state, so one instance can be shared freely.
    public init() {}

    /// Returns the stem of one lower-cased word.
    ///
    /// Reads the word's UTF-8 bytes without copying them, stems them in a stack buffer and returns
    /// the original string untouched when the stem is the word itself.
    ///
    /// - Parameters:
    ///   - word: A single lower-cased word, without surrounding whitespace or punctuation other
    ///     than apostrophes.
    /// - Returns: The stem, or `word` itself when it is shorter than three bytes, contains non-ASCII
    ///   characters or has no suffix to remove.
    /// - Complexity: O(*n*), where *n* is the length of `word` in bytes.
    public func stem(_ word: String) -> String {
        var contiguousWord = word
        let stemmed = contiguousWord.withUTF8 { bytes in
            Self.withStem(of: bytes) { stem in
                stem.count == bytes.count && stem.elementsEqual(bytes) ? nil : String(decoding: stem, as: UTF8.self)
            }
        }
        return stemmed ?? word
    }

    /// Returns the stem of one lower-cased word given as UTF-8 bytes.
    ///
    /// Exceptional forms such as `skies` or `news` are looked up first; any other word goes
    /// through the prelude, the R1/R2 region marking and Steps 0 to 5 of the algorithm.
    ///
    /// - Parameters:
    ///   - word: The UTF-8 bytes of a single lower-cased word.
    /// - Returns: The bytes of the stem, or `word` itself when it is shorter than three bytes,
    ///   contains a non-ASCII byte or has no suffix to remove.
    /// - Complexity: O(*n*), where *n* is the number of bytes in `word`.
    public func stem(_ word: [UInt8]) -> [UInt8] {
        let stemmed = word.withUnsafeBufferPointer { bytes in
            Self.withStem(of: bytes) { stem in
                stem.count == bytes.count && stem.elementsEqual(bytes) ? nil : Array(stem)
            }
        }
        return stemmed ?? word
    }

    /// Stems `word` into a temporary buffer and calls `body` with the stem's bytes.
    ///
    /// The stem is never longer than the word, so a buffer of the word's size holds every
    /// intermediate form; `body` must not let the buffer escape.
    private static func withStem<Result>(
        of word: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard word.count > 2, word.allSatisfy({ $0 < 0x80 }) else { return body(word) }
        if let form = exceptionalForm(of: word) {
            return form.withUTF8Buffer(body)
        }
        let source = word[0] == UInt8(ascii: "'") ? UnsafeBufferPointer(rebasing: word.dropFirst()) : word
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: source.count) { buffer in
            var stemming = Stemming(copying: source, into: buffer)
            stemming.run()
            return body(UnsafeBufferPointer(rebasing: buffer[..<stemming.count]))
        }
    }

    /// Words the algorithm treats as a whole before any rule runs, with their stems.
    private static let exceptionalForms: [(word: StaticString, stem: StaticString)] = [
        ("skis", "ski"), ("skies", "sky"),
        ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
        ("only", "onli"), ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"),
        ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ]

    /// Returns the fixed stem of `word` if it is one of the ``exceptionalForms``.
    private static func exceptionalForm(of word: UnsafeBufferPointer<UInt8>) -> StaticString? {
        guard word.count <= 6 else { return nil }
        for form in exceptionalForms where form.word.utf8CodeUnitCount == word.count && word.hasPrefix(form.word) {
            return form.stem
        }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes start with the ASCII string `prefix`.
    fileprivate func hasPrefix(_ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard length <= count else { return false }
        let characters = prefix.utf8Start
        for offset in 0..<length where self[offset] != characters[offset] {
            return false
        }
        return true
    }
}

/// One word in the middle of being stemmed: its bytes in a buffer it does not own, its current
/// length, and the starts of its regions R1 and R2.
///
/// Each method implements the Snowball routine of the same name. A suffix rule list is always
/// searched for its longest matching suffix first, and only that suffix's condition is then tested,
/// as Snowball's `among` does; the chains of `if ends(with:)` below are ordered longest first.
private struct Stemming {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private(set) var count: Int
    private var r1: Int
    private var r2: Int
    private var hasMarkedY = false

    /// Copies `word` into the start of `buffer`, which must be at least as long, and stems it there.
    init(copying word: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        precondition(buffer.count >= word.count, "the stemming buffer is shorter than the word")
        _ = buffer.initialize(fromContentsOf: word)
        bytes = buffer
        count = word.count
        r1 = word.count
        r2 = word.count
    }

    /// Runs the prelude, the region marking, Steps 0 to 5 and the postlude.
    mutating func run() {
        prelude()
        markRegions()
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
        postlude()
    }

    /// Marks as `Y` every `y` that starts the word or follows a vowel (``EnglishStemmer`` has
    /// already dropped an initial apostrophe).
    private mutating func prelude() {
        for index in 0..<count
        where bytes[index] == UInt8(ascii: "y") && (index == 0 || isVowel(bytes[index - 1])) {
            bytes[index] = UInt8(ascii: "Y")
            hasMarkedY = true
        }
    }

    /// Sets R1 after the first non-vowel following a vowel (or after a known prefix), and R2 after
    /// the next such pair within R1.
    private mutating func markRegions() {
        let start: Int
        if let prefixLength = regionPrefixLength() {
            start = prefixLength
        } else if let afterSyllable = endOfSyllable(from: 0) {
            start = afterSyllable
        } else {
            return
        }
        r1 = start
        r2 = endOfSyllable(from: start) ?? count
    }

    /// The length of the prefix the word starts with after which R1 starts, overriding the usual
    /// vowel/non-vowel rule: `arsen`, `commun`, `emerg`, `gener`, `inter`, `later`, `organ`, `past`
    /// or `univers`.
    private func regionPrefixLength() -> Int? {
        guard count > 0 else { return nil }
        let prefix: StaticString
        switch bytes[0] {
        case UInt8(ascii: "a"): prefix = "arsen"
        case UInt8(ascii: "c"): prefix = "commun"
        case UInt8(ascii: "e"): prefix = "emerg"
        case UInt8(ascii: "g"): prefix = "gener"
        case UInt8(ascii: "i"): prefix = "inter"
        case UInt8(ascii: "l"): prefix = "later"
        case UInt8(ascii: "o"): prefix = "organ"
        case UInt8(ascii: "p"): prefix = "past"
        case UInt8(ascii: "u"): prefix = "univers"
        default: return nil
        }
        return UnsafeBufferPointer(rebasing: bytes[..<count]).hasPrefix(prefix) ? prefix.utf8CodeUnitCount : nil
    }

    /// Step 0 and Step 1a: removes a possessive `'`, `'s` or `'s'`, then plural endings.
    private mutating func step1a() {
        if ends(with: "'s'") {
            count -= 3
        } else if ends(with: "'s") {
            count -= 2
        } else if ends(with: "'") {
            count -= 1
        }
        if ends(with: "sses") {
            count -= 2
        } else if ends(with: "ied") || ends(with: "ies") {
            replaceSuffix(length: 3, with: count > 4 ? "i" : "ie")
        } else if ends(with: "s"), !ends(with: "us"), !ends(with: "ss"),
            containsVowel(before: count - 2)
        {
            count -= 1
        }
    }

    /// Step 1b: handles `eed`, `eedly`, `ed`, `edly`, `ing` and `ingly`.
    private mutating func step1b() {
        if ends(with: "eedly") {
            replaceEed(suffixLength: 5)
        } else if ends(with: "ingly") {
            removeVerbSuffix(length: 5)
        } else if ends(with: "edly") {
            removeVerbSuffix(length: 4)
        } else if ends(with: "eed") {
            replaceEed(suffixLength: 3)
        } else if ends(with: "ing") {
            if !replaceExceptionalIng() {
                removeVerbSuffix(length: 3)
            }
        } else if ends(with: "ed") {
            removeVerbSuffix(length: 2)
        }
    }

    /// Replaces `eed` or `eedly` by `ee` in R1, leaving `proceed`, `exceed` and `succeed` alone.
    private mutating func replaceEed(suffixLength: Int) {
        let stemEnd = count - suffixLength
        let isInvariant =
            (stemEnd == 4 && (ends(with: "proc", at: 4) || ends(with: "succ", at: 4)))
            || (stemEnd == 3 && ends(with: "exc", at: 3))
        if !isInvariant && stemEnd >= r1 {
            replaceSuffix(length: suffixLength, with: "ee")
        }
    }

    /// Handles the `ing` words the general rule gets wrong: `dying` becomes `die` (likewise `lying`,
    /// `tying`, `vying`), and `inning`, `outing`, `canning`, `herring`, `earring` and `evening` stay.
    ///
    /// Returns whether the word was one of them.
    private mutating func replaceExceptionalIng() -> Bool {
        switch count - 3 {
        case 2:
            guard bytes[1] == UInt8(ascii: "y"), !isVowel(bytes[0]) else { return false }
            replaceSuffix(length: 4, with: "ie")
            return true
        case 3:
            return ends(with: "inn", at: 3) || ends(with: "out", at: 3)
        case 4:
            return ends(with: "cann", at: 4) || ends(with: "herr", at: 4)
                || ends(with: "earr", at: 4) || ends(with: "even", at: 4)
        default:
            return false
        }
    }

    /// Removes `ed`, `edly`, `ing` or `ingly` when a vowel precedes it, then restores an `e`
    /// (`luxuriat` → `luxuriate`, `hop` → `hope`) or undoubles a final consonant (`hopp` → `hop`).
    private mutating func removeVerbSuffix(length: Int) {
        guard containsVowel(before: count - length) else { return }
        count -= length
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            append(UInt8(ascii: "e"))
        } else if endsWithDouble() {
            let isVowelThenDouble = count == 3 && isAEO(bytes[0])
            if !isVowelThenDouble {
                count -= 1
            }
        } else if count == r1 && isShortSyllable(endingAt: count) {
            append(UInt8(ascii: "e"))
        }
    }

    /// Step 1c: replaces a final `y` or `Y` by `i` after a non-vowel that is not the first letter.
    private mutating func step1c() {
        guard count >= 3, bytes[count - 1] == UInt8(ascii: "y") || bytes[count - 1] == UInt8(ascii: "Y"),
            !isVowel(bytes[count - 2])
        else { return }
        bytes[count - 1] = UInt8(ascii: "i")
    }

    /// Step 2: maps derivational suffixes in R1 to shorter ones (`ization` → `ize`, `fulness` → `ful`).
    private mutating func step2() {
        switch last {
        case UInt8(ascii: "l"):
            if ends(with: "ational") {
                replaceSuffix("ational", with: "ate", from: r1)
            } else if ends(with: "tional") {
                replaceSuffix("tional", with: "tion", from: r1)
            }
        case UInt8(ascii: "n"):
            if ends(with: "ization") {
                replaceSuffix("ization", with: "ize", from: r1)
            } else if ends(with: "ation") {
                replaceSuffix("ation", with: "ate", from: r1)
            }
        case UInt8(ascii: "r"):
            if ends(with: "izer") {
                replaceSuffix("izer", with: "ize", from: r1)
            } else if ends(with: "ator") {
                replaceSuffix("ator", with: "ate", from: r1)
            }
        case UInt8(ascii: "m"):
            if ends(with: "alism") {
                replaceSuffix("alism", with: "al", from: r1)
            }
        case UInt8(ascii: "s"):
            if ends(with: "fulness") {
                replaceSuffix("fulness", with: "ful", from: r1)
            } else if ends(with: "ousness") {
                replaceSuffix("ousness", with: "ous", from: r1)
            } else if ends(with: "iveness") {
                replaceSuffix("iveness", with: "ive", from: r1)
            }
        case UInt8(ascii: "t"):
            if ends(with: "ogist") {
                replaceSuffix("ogist", with: "og", from: r1)
            }
        case UInt8(ascii: "i"):
            step2EndingInI()
        default:
            break
        }
    }

    /// The Step 2 suffixes that end in `i` (Step 1c has turned a final `y` into `i`).
    private mutating func step2EndingInI() {
        if ends(with: "biliti") {
            replaceSuffix("biliti", with: "ble", from: r1)
        } else if ends(with: "lessli") {
            replaceSuffix("lessli", with: "less", from: r1)
        } else if ends(with: "entli") {
            replaceSuffix("entli", with: "ent", from: r1)
        } else if ends(with: "aliti") {
            replaceSuffix("aliti", with: "al", from: r1)
        } else if ends(with: "ousli") {
            replaceSuffix("ousli", with: "ous", from: r1)
        } else if ends(with: "iviti") {
            replaceSuffix("iviti", with: "ive", from: r1)
        } else if ends(with: "fulli") {
            replaceSuffix("fulli", with: "ful", from: r1)
        } else if ends(with: "enci") {
            replaceSuffix("enci", with: "ence", from: r1)
        } else if ends(with: "anci") {
            replaceSuffix("anci", with: "ance", from: r1)
        } else if ends(with: "abli") {
            replaceSuffix("abli", with: "able", from: r1)
        } else if ends(with: "alli") {
            replaceSuffix("alli", with: "al", from: r1)
        } else if ends(with: "bli") {
            replaceSuffix("bli", with: "ble", from: r1)
        } else if ends(with: "ogi") {
            let start = count - 3
            if start >= r1 && start >= 1 && bytes[start - 1] == UInt8(ascii: "l") {
                count -= 1
            }
        } else if ends(with: "li") {
            let start = count - 2
            if start >= r1 && start >= 1 && isValidBeforeLi(bytes[start - 1]) {
                count -= 2
            }
        }
    }

    /// Step 3: shortens or removes `ational`, `tional`, `alize`, `icate`, `iciti`, `ical`, `ful`,
    /// `ness` in R1, and `ative` in R2.
    private mutating func step3() {
        switch last {
        case UInt8(ascii: "l"):
            if ends(with: "ational") {
                replaceSuffix("ational", with: "ate", from: r1)
            } else if ends(with: "tional") {
                replaceSuffix("tional", with: "tion", from: r1)
            } else if ends(with: "ical") {
                replaceSuffix("ical", with: "ic", from: r1)
            } else if ends(with: "ful") {
                replaceSuffix("ful", with: "", from: r1)
            }
        case UInt8(ascii: "e"):
            if ends(with: "alize") {
                replaceSuffix("alize", with: "al", from: r1)
            } else if ends(with: "icate") {
                replaceSuffix("icate", with: "ic", from: r1)
            } else if ends(with: "ative") {
                replaceSuffix("ative", with: "", from: r2)
            }
        case UInt8(ascii: "i"):
            if ends(with: "iciti") {
                replaceSuffix("iciti", with: "ic", from: r1)
            }
        case UInt8(ascii: "s"):
            if ends(with: "ness") {
                replaceSuffix("ness", with: "", from: r1)
            }
        default:
            break
        }
    }

    /// Step 4: removes residual suffixes in R2, and `ion` in R2 after `s` or `t`.
    private mutating func step4() {
        switch last {
        case UInt8(ascii: "l"):
            if ends(with: "al") {
                replaceSuffix("al", with: "", from: r2)
            }
        case UInt8(ascii: "e"):
            if ends(with: "ance") {
                replaceSuffix("ance", with: "", from: r2)
            } else if ends(with: "ence") {
                replaceSuffix("ence", with: "", from: r2)
            } else if ends(with: "able") {
                replaceSuffix("able", with: "", from: r2)
            } else if ends(with: "ible") {
                replaceSuffix("ible", with: "", from: r2)
            } else if ends(with: "ate") {
                replaceSuffix("ate", with: "", from: r2)
            } else if ends(with: "ive") {
                replaceSuffix("ive", with: "", from: r2)
            } else if ends(with: "ize") {
                replaceSuffix("ize", with: "", from: r2)
            }
        case UInt8(ascii: "r"):
            if ends(with: "er") {
                replaceSuffix("er", with: "", from: r2)
            }
        case UInt8(ascii: "c"):
            if ends(with: "ic") {
                replaceSuffix("ic", with: "", from: r2)
            }
        case UInt8(ascii: "t"):
            if ends(with: "ement") {
                replaceSuffix("ement", with: "", from: r2)
            } else if ends(with: "ment") {
                replaceSuffix("ment", with: "", from: r2)
            } else if ends(with: "ent") {
                replaceSuffix("ent", with: "", from: r2)
            } else if ends(with: "ant") {
                replaceSuffix("ant", with: "", from: r2)
            }
        case UInt8(ascii: "m"):
            if ends(with: "ism") {
                replaceSuffix("ism", with: "", from: r2)
            }
        case UInt8(ascii: "i"):
            if ends(with: "iti") {
                replaceSuffix("iti", with: "", from: r2)
            }
        case UInt8(ascii: "s"):
            if ends(with: "ous") {
                replaceSuffix("ous", with: "", from: r2)
            }
        case UInt8(ascii: "n"):
            let start = count - 3
            if ends(with: "ion") && start >= r2 && start >= 1
                && (bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t"))
            {
                count -= 3
            }
        default:
            break
        }
    }

    /// Step 5: removes a final `e` in R2, or in R1 unless it follows a short syllable, and the
    /// second `l` of a final `ll` in R2.
    private mutating func step5() {
        let start = count - 1
        switch last {
        case UInt8(ascii: "e"):
            if start >= r2 || (start >= r1 && !isShortSyllable(endingAt: start)) {
                count -= 1
            }
        case UInt8(ascii: "l"):
            if start >= r2 && start >= 1 && bytes[start - 1] == UInt8(ascii: "l") {
                count -= 1
            }
        default:
            break
        }
    }

    /// Turns the `Y` marks set by the prelude back into `y`.
    private mutating func postlude() {
        guard hasMarkedY else { return }
        for index in 0..<count where bytes[index] == UInt8(ascii: "Y") {
            bytes[index] = UInt8(ascii: "y")
        }
    }

    // MARK: Helpers

    /// The last byte of the word, if it is not empty.
    private var last: UInt8? {
        count > 0 ? bytes[count - 1] : nil
    }

    /// Appends `byte`; no rule makes the word longer than it was, so there is always room.
    private mutating func append(_ byte: UInt8) {
        precondition(count < bytes.count, "a stemming rule lengthened the word")
        bytes[count] = byte
        count += 1
    }

    /// Whether the word ends with `suffix`.
    private func ends(with suffix: StaticString) -> Bool {
        ends(with: suffix, at: count)
    }

    /// Whether the first `end` bytes of the word end with `suffix`.
    private func ends(with suffix: StaticString, at end: Int) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard length <= end else { return false }
        let characters = suffix.utf8Start
        var offset = length - 1
        while offset >= 0 {
            guard bytes[end - length + offset] == characters[offset] else { return false }
            offset -= 1
        }
        return true
    }

    /// Replaces the last `length` bytes by `replacement`.
    private mutating func replaceSuffix(length: Int, with replacement: StaticString) {
        count -= length
        replacement.withUTF8Buffer { characters in
            for character in characters {
                append(character)
            }
        }
    }

    /// Replaces the final `suffix`, known to be present, by `replacement` if it starts at or after
    /// `regionStart`.
    private mutating func replaceSuffix(_ suffix: StaticString, with replacement: StaticString, from regionStart: Int) {
        let length = suffix.utf8CodeUnitCount
        guard count - length >= regionStart else { return }
        replaceSuffix(length: length, with: replacement)
    }

    /// The index just past the first non-vowel that follows a vowel at or after `start`, if any.
    private func endOfSyllable(from start: Int) -> Int? {
        var index = start
        while index < count && !isVowel(bytes[index]) {
            index += 1
        }
        index += 1
        while index < count && isVowel(bytes[index]) {
            index += 1
        }
        return index < count ? index + 1 : nil
    }

    /// Whether any of the first `end` bytes is a vowel.
    private func containsVowel(before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(bytes[index]) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether the word ends with one of the doubles `bb`, `dd`, `ff`, `gg`, `mm`, `nn`, `pp`,
    /// `rr` or `tt`.
    private func endsWithDouble() -> Bool {
        guard count >= 2, bytes[count - 1] == bytes[count - 2] else { return false }
        switch bytes[count - 1] {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default:
            return false
        }
    }

    /// Whether the first `end` bytes end in a short syllable: a non-vowel, a vowel and a non-vowel
    /// other than `w`, `x` or `Y`; or a vowel and a non-vowel making up the whole; or `past`.
    private func isShortSyllable(endingAt end: Int) -> Bool {
        if end >= 3 && !isVowelOrWXY(bytes[end - 1]) && isVowel(bytes[end - 2]) && !isVowel(bytes[end - 3]) {
            return true
        }
        if end == 2 && !isVowel(bytes[1]) && isVowel(bytes[0]) {
            return true
        }
        return ends(with: "past", at: end)
    }
}

/// Whether `byte` is one of the vowels `a`, `e`, `i`, `o`, `u`, `y` (a marked `Y` is not).
private func isVowel(_ byte: UInt8) -> Bool {
    let offset = byte &- UInt8(ascii: "a")
    let vowelBits: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24
    return offset < 26 && (vowelBits &>> UInt32(offset)) & 1 == 1
}

/// Whether `byte` is a vowel, `w`, `x` or a marked `Y`.
private func isVowelOrWXY(_ byte: UInt8) -> Bool {
    isVowel(byte) || byte == UInt8(ascii: "w") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "Y")
}

/// Whether `byte` is `a`, `e` or `o`.
private func isAEO(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "o")
}

/// Whether `byte` may precede a `li` that Step 2 removes: one of `c d e g h k m n r t`.
private func isValidBeforeLi(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
        UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
        return true
    default:
        return false
    }
}
