/// An analysed lexicon as bytes, so that a build can read it back instead of analysing the
/// lexicon again (`LexiconCache`): reading takes a tenth of the time.
///
/// Little-endian: the terms (each a 32-bit length and its UTF-8), one byte a term for its
/// dictionary kind (255: none), the words (text, space-separated word count, term numbers) and
/// the headwords (word number, key term numbers, relations as word number, kind and the bits of
/// the weight). Counts are 32-bit. The bytes say nothing of the analyser: whoever keeps them
/// keys them by it.
extension AnalysedLexicon {
    /// The bytes `init?(archive:analyzer:)` reads back.
    package func archived() -> [UInt8] {
        var writer = ArchiveWriter()
        writer.count(terms.count)
        for term in terms { writer.text(term) }
        for term in terms { writer.bytes.append(dictionary[term].map { UInt8($0.rawValue) } ?? Self.noKind) }
        writer.count(words.count)
        for word in words {
            writer.text(word.text)
            writer.count(word.length)
            writer.numbers(word.terms)
        }
        writer.count(headwords.count)
        for headword in headwords {
            writer.number(headword.word)
            writer.numbers(headword.key)
            writer.count(headword.relations.count)
            for relation in headword.relations {
                writer.number(relation.word)
                writer.bytes.append(Self.kindCodes[relation.kind]!)
                writer.integer(relation.weight.bitPattern, width: 8)
            }
        }
        return writer.bytes
    }

    /// The analysed lexicon in `archive`, made by `archived()` with `analyzer`'s analysis; nil
    /// when the bytes are not such an archive (cut short, a number out of range, an unknown kind).
    package init?(archive: UnsafeRawBufferPointer, analyzer: Analyzer) {
        var reader = ArchiveReader(bytes: archive)
        guard let termCount = reader.count(eachAtLeast: 4) else { return nil }
        var terms: [String] = []
        terms.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let term = reader.text() else { return nil }
            terms.append(term)
        }
        guard let kinds = reader.take(termCount) else { return nil }
        var dictionary: [String: ExpansionTable.WordKind] = [:]
        for (term, code) in zip(terms, kinds) where code != Self.noKind {
            guard let kind = ExpansionTable.WordKind(rawValue: Int(code)) else { return nil }
            dictionary[term] = kind
        }
        guard let wordCount = reader.count(eachAtLeast: 12) else { return nil }
        var words: [Word] = []
        words.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            guard let text = reader.text(), let length = reader.count(), let wordTerms = reader.numbers(below: termCount) else { return nil }
            words.append(Word(text: text, terms: wordTerms, length: length))
        }
        guard let headwordCount = reader.count(eachAtLeast: 12) else { return nil }
        var headwords: [Headword] = []
        headwords.reserveCapacity(headwordCount)
        for _ in 0..<headwordCount {
            guard let word = reader.number(below: wordCount), let key = reader.numbers(below: termCount),
                  let relationCount = reader.count(eachAtLeast: 13) else { return nil }
            var relations: [Relation] = []
            relations.reserveCapacity(relationCount)
            for _ in 0..<relationCount {
                guard let related = reader.number(below: wordCount), let code = reader.take(1),
                      let kind = Self.kinds.first(where: { Self.kindCodes[$0] == code[0] }),
                      let bits = reader.integer(width: 8) else { return nil }
                relations.append(Relation(word: related, kind: kind, weight: Double(bitPattern: bits)))
            }
            headwords.append(Headword(word: word, key: key, relations: relations))
        }
        guard reader.isAtEnd else { return nil }
        self.init(terms: terms, words: words, headwords: headwords, analyzer: analyzer, dictionary: dictionary)
    }

    /// The byte of a term that is no dictionary word.
    private static let noKind: UInt8 = 255
    private static let kinds: [Lexicon.Kind] = [.synonym, .derived, .alias, .lemma]
    private static let kindCodes: [Lexicon.Kind: UInt8] = [.synonym: 0, .derived: 1, .alias: 2, .lemma: 3]
}

/// Appends the archive's fields to bytes.
private struct ArchiveWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: UInt64, width: Int) {
        for shift in stride(from: 0, to: width * 8, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func count(_ value: Int) {
        integer(UInt64(value), width: 4)
    }

    mutating func number(_ value: Int32) {
        integer(UInt64(UInt32(bitPattern: value)), width: 4)
    }

    mutating func numbers(_ values: [Int32]) {
        count(values.count)
        for value in values { number(value) }
    }

    mutating func text(_ value: String) {
        count(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }
}

/// Reads the archive's fields from bytes; every read is nil past the end.
private struct ArchiveReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func integer(width: Int) -> UInt64? {
        guard let field = take(width) else { return nil }
        return field.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func count() -> Int? {
        integer(width: 4).map { Int($0) }
    }

    /// A count of items of at least `size` bytes each, so no more than the bytes left can hold.
    mutating func count(eachAtLeast size: Int) -> Int? {
        guard let count = count(), count <= (bytes.count - offset) / size else { return nil }
        return count
    }

    /// A number of an item of a table of `limit`.
    mutating func number(below limit: Int) -> Int32? {
        guard let value = integer(width: 4), value < limit else { return nil }
        return Int32(value)
    }

    mutating func numbers(below limit: Int) -> [Int32]? {
        guard let count = count(eachAtLeast: 4) else { return nil }
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = number(below: limit) else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func text() -> String? {
        guard let length = count(), let field = take(length) else { return nil }
        return String(decoding: field, as: UTF8.self)
    }
}
