import Foundation

/// A read-only table of lexical relations used for query expansion.
///
/// The table maps a lower-cased headword (a single word, or a multi-word
/// expression joined with single spaces such as `united states`) to related
/// words: synonyms, derivationally related forms, aliases of proper names and
/// base forms of irregular inflections. It is generated from WordNet 3.0 by
/// `scripts/make_lexicon.py` and stored as `store/lexicon.tsv`.
///
/// The text format has one headword per line:
///
///     headword<TAB>kind:word:weight|kind:word:weight
///
/// where `kind` is one of `syn`, `der`, `alias` or `lemma` and `weight` is a
/// decimal number in (0, 1]; a single word with nothing after the tab has no
/// relations and is only known to be English (`AnalysedLexicon.dictionary`). Empty lines and lines starting with `#` are
/// ignored. The whole table is parsed and validated when it is loaded, so a
/// lexicon that loaded successfully never fails later.
public struct Lexicon: Sendable {
    /// The kind of relation between a headword and a related word.
    ///
    /// The raw value is the tag used in the table file. Callers usually trust
    /// `lemma` and `alias` most, then `syn`, then `der`; the weights already
    /// reflect that, so most callers can simply use the weight.
    public enum Kind: String, Sendable {
        /// A synonym: both words share a WordNet synset.
        case synonym = "syn"
        /// A derivationally related form or pertainym (economy, economic).
        case derived = "der"
        /// Another name of the same proper noun (america, united states).
        case alias = "alias"
        /// The base form of an irregular inflection (children, child).
        case lemma = "lemma"
    }

    /// One word related to a headword.
    ///
    /// Relations of a headword are returned strongest first.
    public struct Relation: Sendable, Equatable {
        /// The related word, lower-cased; may contain spaces.
        public var word: String
        /// How the word is related to the headword.
        public var kind: Kind
        /// The strength of the relation, in (0, 1].
        public var weight: Double

        /// Creates a relation.
        ///
        /// - Parameters:
        ///   - word: The related word, lower-cased.
        ///   - kind: How the word is related to the headword.
        ///   - weight: The strength of the relation, in (0, 1].
        public init(word: String, kind: Kind, weight: Double) {
            self.word = word
            self.kind = kind
            self.weight = weight
        }
    }

    /// The error thrown for a line of the table that cannot be parsed.
    ///
    /// Its description names the 1-based line number and what is wrong,
    /// e.g. `lexicon line 12: unknown relation kind "hyp"`.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The 1-based number of the offending line.
        public var line: Int
        /// What is wrong with the line.
        public var reason: String

        /// Creates a parse error.
        ///
        /// - Parameters:
        ///   - line: The 1-based number of the offending line.
        ///   - reason: What is wrong with the line.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }

        /// A message naming the line number and the problem.
        public var description: String { "lexicon line \(line): \(reason)" }
    }

    private let index: [String: Range<Int>]
    private let relations: [Relation]

    /// The number of headwords in the table.
    ///
    /// Comment lines, blank lines and the related words that are not
    /// headwords themselves are not counted.
    ///
    /// - Complexity: O(1).
    public var headwordCount: Int { index.count }

    /// Loads a lexicon from a table file.
    ///
    /// The file is read at once and parsed from its UTF-8 bytes.
    ///
    /// - Parameter url: The location of a table such as `store/lexicon.tsv`.
    /// - Throws: The error of `Data(contentsOf:)` when the file cannot be
    ///   read, or a ``ParseError`` naming the first malformed line.
    /// - Complexity: O(n) in the size of the file.
    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    /// Parses a lexicon from the bytes of a table file.
    ///
    /// - Throws: A ``ParseError`` naming the first malformed line.
    public init(data: Data) throws {
        self = try data.withUnsafeBytes { raw in
            try Lexicon(bytes: raw.bindMemory(to: UInt8.self))
        }
    }

    /// Parses a lexicon from the text of a table.
    ///
    /// Unlike the table file, the text is usually small; this is meant for
    /// tests and for tables built in memory.
    ///
    /// - Parameter text: The table, in the format described on ``Lexicon``.
    /// - Throws: A ``ParseError`` naming the first malformed line.
    /// - Complexity: O(n) in the length of the text.
    public init(text: String) throws {
        var text = text
        self = try text.withUTF8 { try Lexicon(bytes: $0) }
    }

    /// Returns the words related to a word, strongest first.
    ///
    /// The word is lower-cased before the lookup; a multi-word expression is
    /// looked up as written, with its words separated by single spaces.
    ///
    /// - Parameter word: A word or expression such as `America` or
    ///   `united states`.
    /// - Returns: The related words with their kinds and weights, in the
    ///   order of the table (by descending weight), or an empty array when
    ///   the word is not a headword.
    /// - Complexity: O(m + k), where m is the length of the word and k the
    ///   number of relations returned.
    public func related(to word: String) -> [Relation] {
        guard let range = index[word.lowercased()] else { return [] }
        return Array(relations[range])
    }

    /// Whether `word` is a headword, with relations or without (a word only known to be English).
    package func contains(_ word: String) -> Bool {
        index[word.lowercased()] != nil
    }

    /// Every headword with its relations, in no particular order.
    ///
    /// - Complexity: O(n) over the whole table.
    public var entries: some Sequence<(headword: String, relations: ArraySlice<Relation>)> {
        index.lazy.map { ($0.key, relations[$0.value]) }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) throws {
        var parser = Parser(bytes: bytes)
        try parser.parse()
        index = parser.index
        relations = parser.relations
    }
}

/// The byte-level parser behind ``Lexicon``'s initialisers.
private struct Parser {
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let tab = UInt8(ascii: "\t")
    private static let bar = UInt8(ascii: "|")
    private static let colon = UInt8(ascii: ":")
    private static let hash = UInt8(ascii: "#")
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")
    private static let dot = UInt8(ascii: ".")
    private static let upperA = UInt8(ascii: "A")
    private static let upperZ = UInt8(ascii: "Z")
    private static let kinds: [([UInt8], Lexicon.Kind)] = [
        (Array("syn".utf8), .synonym), (Array("der".utf8), .derived),
        (Array("alias".utf8), .alias), (Array("lemma".utf8), .lemma),
    ]

    let bytes: UnsafeBufferPointer<UInt8>
    var index: [String: Range<Int>] = [:]
    var relations: [Lexicon.Relation] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func parse() throws {
        var lineCount = 0
        for byte in bytes where byte == Parser.newline {
            lineCount += 1
        }
        index.reserveCapacity(lineCount + 1)
        relations.reserveCapacity(lineCount * 4)

        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != Parser.newline {
                end += 1
            }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == Parser.carriageReturn {
                contentEnd -= 1
            }
            if contentEnd > start && bytes[start] != Parser.hash {
                try parseLine(start..<contentEnd, number: lineNumber)
            }
            start = end + 1
        }
    }

    private mutating func parseLine(_ line: Range<Int>, number: Int) throws {
        guard let tab = firstIndex(of: Parser.tab, in: line) else {
            throw Lexicon.ParseError(line: number, reason: "missing tab between headword and relations")
        }
        let headRange = line.lowerBound..<tab
        if headRange.isEmpty {
            throw Lexicon.ParseError(line: number, reason: "empty headword")
        }
        for position in headRange where bytes[position] >= Parser.upperA && bytes[position] <= Parser.upperZ {
            throw Lexicon.ParseError(line: number, reason: "headword is not lower-case")
        }
        let body = (tab + 1)..<line.upperBound
        let headword = string(headRange)
        let first = relations.count
        var fieldStart = body.lowerBound
        // A word with no relations is only known to be English (the dictionary's other words).
        while !body.isEmpty, fieldStart <= body.upperBound {
            let fieldEnd = firstIndex(of: Parser.bar, in: fieldStart..<body.upperBound) ?? body.upperBound
            relations.append(try parseRelation(fieldStart..<fieldEnd, number: number))
            fieldStart = fieldEnd + 1
        }
        if index.updateValue(first..<relations.count, forKey: headword) != nil {
            throw Lexicon.ParseError(line: number, reason: "duplicate headword \"\(headword)\"")
        }
    }

    private func parseRelation(_ field: Range<Int>, number: Int) throws -> Lexicon.Relation {
        guard let firstColon = firstIndex(of: Parser.colon, in: field),
              let lastColon = lastIndex(of: Parser.colon, in: field),
              firstColon < lastColon
        else {
            throw Lexicon.ParseError(
                line: number, reason: "relation \"\(string(field))\" is not kind:word:weight")
        }
        let kindRange = field.lowerBound..<firstColon
        guard let kind = parseKind(kindRange) else {
            throw Lexicon.ParseError(line: number, reason: "unknown relation kind \"\(string(kindRange))\"")
        }
        let wordRange = (firstColon + 1)..<lastColon
        if wordRange.isEmpty {
            throw Lexicon.ParseError(line: number, reason: "empty related word")
        }
        let weightRange = (lastColon + 1)..<field.upperBound
        guard let weight = parseWeight(weightRange), weight > 0, weight <= 1 else {
            throw Lexicon.ParseError(
                line: number, reason: "weight \"\(string(weightRange))\" is not a number in (0, 1]")
        }
        return Lexicon.Relation(word: string(wordRange), kind: kind, weight: weight)
    }

    /// Recognises a kind tag by its bytes, without creating a `String`.
    private func parseKind(_ range: Range<Int>) -> Lexicon.Kind? {
        for (tag, kind) in Parser.kinds where tag.count == range.count {
            if zip(tag, range).allSatisfy({ $0 == bytes[$1] }) {
                return kind
            }
        }
        return nil
    }

    /// Parses `digits[.digits]` without going through `String`.
    private func parseWeight(_ range: Range<Int>) -> Double? {
        var integer = 0
        var fraction = 0
        var scale = 1
        var digits = 0
        var seenDot = false
        for position in range {
            let byte = bytes[position]
            if byte == Parser.dot && !seenDot {
                seenDot = true
            } else if byte >= Parser.zero && byte <= Parser.nine {
                let digit = Int(byte - Parser.zero)
                digits += 1
                if digits > 12 {
                    return nil
                }
                if seenDot {
                    fraction = fraction * 10 + digit
                    scale *= 10
                } else {
                    integer = integer * 10 + digit
                }
            } else {
                return nil
            }
        }
        if digits == 0 {
            return nil
        }
        return Double(integer) + Double(fraction) / Double(scale)
    }

    private func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var position = range.lowerBound
        while position < range.upperBound {
            if bytes[position] == byte {
                return position
            }
            position += 1
        }
        return nil
    }

    private func lastIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        var position = range.upperBound
        while position > range.lowerBound {
            position -= 1
            if bytes[position] == byte {
                return position
            }
        }
        return nil
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
