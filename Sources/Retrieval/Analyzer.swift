import Foundation

/// One word of analysed text: the index term it yields and where it stood.
public struct Token: Sendable, Equatable {
    /// The normalised, stemmed term (e.g. "sanction" for "Sanctions").
    public var term: String
    /// The folded surface word before stemming (e.g. "sanctions"); for highlighting and expansion.
    public var word: String
    /// The ordinal of the word in the text, counting every word (stop words too).
    public var position: Int
    /// Whether the word was written with a capital first letter (a name, or a sentence start).
    public var isCapitalized = false
    /// Whether this is the joined form of a hyphenated compound ("mediumrange" for "medium-range"),
    /// added beside its parts: a form to match, not a word the user wrote.
    public var isJoinedCompound = false
}

/// Turns text into index terms: folding, word rules, stop words and Porter2 stemming.
///
/// - Case and diacritics are folded ("Übersee" → "ubersee").
/// - Curly and straight apostrophes are alike; a possessive "'s" is dropped ("Russia’s" → "russia").
/// - A dotted abbreviation is one word without its periods ("U.S." → "us"), and so is an
///   all-capitals word that would otherwise be a stop word ("US", "IT"); neither is dropped or stemmed.
/// - Hyphenated or en-dashed compounds yield their parts and the joined form
///   ("nuclear-capable" → "nuclear", "capabl", "nuclearcap").
/// - Numbers keep their digits, thousands separators dropped ("4,200" → "4200").
/// - Stop words (`StopWords.english`) are dropped (`analysis` reports which); other words are stemmed (`EnglishStemmer`).
///
/// ```swift
/// Analyzer().terms("Russia’s U.S. sanctions")   // ["russia", "us", "sanction"]
/// ```
public struct Analyzer: Sendable {
    package let stopWords: Set<String>
    let stemmer = EnglishStemmer()

    public init(stopWords: Set<String> = StopWords.english) {
        self.stopWords = stopWords
    }

    /// The index terms of `text`, in order, repeated as often as they occur.
    public func terms(_ text: String) -> [String] {
        // A word of lower-case ASCII letters, as most of the lexicon's, needs no chunking or folding.
        if !text.isEmpty, text.utf8.allSatisfy({ (97...122).contains($0) }) {
            return stopWords.contains(text) ? [] : [stemmer.stem(text)]
        }
        return tokens(text).map(\.term)
    }

    /// The tokens of `text`: one per kept word (and per joined compound), in order.
    ///
    /// - Parameter text: Any text.
    /// - Returns: Terms with their folded words and positions; stop words are left out.
    /// - Complexity: O(n) in the length of `text`.
    public func tokens(_ text: String) -> [Token] {
        analysis(text).tokens
    }

    /// The tokens of `text` (see `tokens`) and the stop words it has.
    public func analysis(_ text: String) -> (tokens: [Token], functionWords: FunctionWordSet) {
        let analysis = analysis(text, alsoBy: nil)
        return (analysis.tokens, analysis.functionWords)
    }

    /// The tokens of `text` (see `tokens`), the stop words it has, and the tokens `other` gives it
    /// (`other.tokens(text)`), from one pass over the text: a chunk with no stop word of this analyser
    /// is analysed alike by both, so only the others are analysed again (a question is read both
    /// without and with its stop words, `ExpansionTable.phraseAnalyzer`: twice was 6 % of a search at 10k).
    ///
    /// - Parameter other: An analyser whose stop words are some of this one's; nil for none.
    package func analysis(_ text: String, alsoBy other: Analyzer?) -> (tokens: [Token], functionWords: FunctionWordSet, otherTokens: [Token]) {
        assert(other.map { $0.stopWords.isSubset(of: stopWords) } ?? true, "the other analyser's stop words are not some of this one's")
        var tokens: [Token] = []
        var otherTokens: [Token] = []
        var functionWords = FunctionWordSet()
        var position = 0
        forEachChunk(of: text) { bytes, hasLowercase in
            let text = String(decoding: bytes, as: UTF8.self)
            let chunk = analyse(chunk: text, hasLowercase: hasLowercase)
            for var token in chunk.tokens {
                token.position += position
                tokens.append(token)
            }
            if let other {
                let otherChunk = chunk.hasStopWord ? other.analyse(chunk: text, hasLowercase: hasLowercase) : chunk
                for var token in otherChunk.tokens {
                    token.position += position
                    otherTokens.append(token)
                }
            }
            position += chunk.words
            functionWords.formUnion(chunk.functionWords)
        }
        return (tokens, functionWords, otherTokens)
    }

    /// Calls `body` with the UTF-8 bytes of each chunk of `text` (a run of word characters,
    /// apostrophes made straight; see `chunkRanges`), in order, and whether `text` has lower-case
    /// letters: what `analyse(chunk:hasLowercase:)` takes, so that a caller may keep the analyses of
    /// chunks it meets again without making a string of each. The bytes are valid only during the call.
    ///
    /// ASCII text is read from its UTF-8 bytes; any other text from its Unicode scalars. Both go
    /// through the same chunking, so they give the same chunks. A chunk's bytes are the text's own
    /// whenever it holds no curly apostrophe to straighten.
    package func forEachChunk(of text: String, _ body: (_ chunk: UnsafeBufferPointer<UInt8>, _ hasLowercase: Bool) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        // A string with contiguous UTF-8 always lends its storage.
        text.utf8.withContiguousStorageIfAvailable { bytes in
            if !bytes.contains(where: { $0 >= 0x80 }) {
                let scalars = bytes.lazy.map { Unicode.Scalar($0) }
                let hasLowercase = bytes.contains { (97...122).contains($0) }
                for range in Self.chunkRanges(scalars) { body(UnsafeBufferPointer(rebasing: bytes[range]), hasLowercase) }
                return
            }
            let scalars = Array(text.unicodeScalars)
            var offsets = [0]
            offsets.reserveCapacity(scalars.count + 1)
            for scalar in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(scalar)) }
            let hasLowercase = scalars.contains { $0.isASCII ? (97...122).contains($0.value) : $0.properties.isLowercase }
            let isApostropheToStraighten = { (scalar: Unicode.Scalar) in Self.isApostrophe(scalar) && !Self.isWordScalar(scalar) }
            for range in Self.chunkRanges(scalars) {
                guard scalars[range].contains(where: isApostropheToStraighten) else {
                    body(UnsafeBufferPointer(rebasing: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]]), hasLowercase)
                    continue
                }
                var chunk = ""
                chunk.unicodeScalars.append(contentsOf: scalars[range].map { isApostropheToStraighten($0) ? "'" : $0 })
                chunk.withUTF8 { body($0, hasLowercase) }
            }
        }!
    }

    /// The tokens of one chunk, positions counted from the chunk's start.
    ///
    /// - Parameter hasLowercase: Whether the whole text has lower-case letters (else capitals mark no acronym).
    package func analyse(chunk: String, hasLowercase: Bool) -> ChunkTokens {
        analyseASCIIWord(chunk, hasLowercase: hasLowercase) ?? analyseWords(chunk: chunk, hasLowercase: hasLowercase)
    }

    /// The tokens of a chunk of ASCII letters and digits alone — most chunks: one word, lowered,
    /// dropped when a stop word, stemmed unless it has digits — exactly as `analyseWords` makes them,
    /// without the arrays of scalars its rules for compounds, abbreviations and apostrophes need; nil
    /// for any other chunk. (Half the analysis time of a build's new words went to those arrays.)
    func analyseASCIIWord(_ chunk: String, hasLowercase: Bool) -> ChunkTokens? {
        var uppercase = 0
        var hasDigit = false
        for byte in chunk.utf8 {
            switch byte {
            case 65...90: uppercase += 1
            case 97...122: continue
            case 48...57: hasDigit = true
            default: return nil
            }
        }
        guard let first = chunk.utf8.first else { return nil }
        let text = uppercase == 0 ? chunk : String(decoding: chunk.utf8.map { (65...90).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        let isCapitalized = (65...90).contains(first)
        var tokens: [Token] = []
        var functionWords = FunctionWordSet()
        let isStopWord = stopWords.contains(text)
        if hasLowercase, uppercase >= 2, uppercase == chunk.utf8.count, isStopWord {
            tokens.append(Token(term: text, word: text, position: 1, isCapitalized: isCapitalized))
        } else if !isStopWord {
            tokens.append(Token(term: hasDigit ? text : stemmer.stem(text), word: text, position: 1, isCapitalized: isCapitalized))
        } else if let index = StopWords.index[text] {
            functionWords.insert(index)
        }
        return ChunkTokens(tokens: tokens, words: 1, functionWords: functionWords, hasStopWord: isStopWord)
    }

    /// The tokens of any chunk, by the word rules: compounds split at hyphens and dashes and joined,
    /// abbreviations, apostrophes, folding.
    func analyseWords(chunk: String, hasLowercase: Bool) -> ChunkTokens {
        var tokens: [Token] = []
        var functionWords = FunctionWordSet()
        var position = 0
        let parts = Self.compoundParts(Array(chunk.unicodeScalars))
        var joined = ""
        var alphabeticParts = 0
        var hasStopWord = false
        for part in parts {
            guard let word = Self.normalise(part) else { continue }
            position += 1
            let isStopWord = stopWords.contains(word.text)
            hasStopWord = hasStopWord || isStopWord
            joined += word.text
            if word.text.unicodeScalars.allSatisfy({ $0.isASCII ? (97...122).contains($0.value | 0x20) : $0.properties.isAlphabetic }) { alphabeticParts += 1 }
            let isAcronym = word.isAbbreviation
                || (hasLowercase && part.count >= 2 && part.allSatisfy { $0.properties.isUppercase } && isStopWord)
            let isCapitalized = part.first?.properties.isUppercase ?? false
            if isAcronym {
                tokens.append(Token(term: word.text, word: word.text, position: position, isCapitalized: isCapitalized))
            } else if !isStopWord {
                tokens.append(Token(term: stem(word.text), word: word.text, position: position, isCapitalized: isCapitalized))
            } else if let index = StopWords.index[word.text] {
                functionWords.insert(index)
            }
        }
        if parts.count > 1, alphabeticParts > 1 {
            tokens.append(Token(term: stem(joined), word: joined, position: position, isJoinedCompound: true))
        }
        return ChunkTokens(tokens: tokens, words: position, functionWords: functionWords, hasStopWord: hasStopWord)
    }

    /// Folds a single word as the analyser does (case, diacritics, apostrophes), without stemming.
    public func fold(_ word: String) -> String {
        Self.normalise(Array(word.unicodeScalars))?.text ?? ""
    }

    /// Stems a folded word unless it holds digits.
    public func stem(_ word: String) -> String {
        word.unicodeScalars.contains(where: { $0.isASCII ? Self.isDigit($0) : $0.properties.numericType != nil }) ? word : stemmer.stem(word)
    }

    /// Where the runs of scalars between separators are. Kept inside a chunk: letters, digits,
    /// apostrophes, periods and commas between word characters, hyphens and en dashes.
    static func chunkRanges<Scalars: RandomAccessCollection<Unicode.Scalar>>(_ scalars: Scalars) -> [Range<Int>] where Scalars.Index == Int {
        var chunks: [Range<Int>] = []
        var start = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if isWordScalar(scalar) || isCompoundSeparator(scalar) { continue }
            let previous = index > 0 ? scalars[index - 1] : " "
            let next = index + 1 < scalars.count ? scalars[index + 1] : " "
            let joinsWord = isWordScalar(previous) && isWordScalar(next)
            if isApostrophe(scalar), joinsWord || (isWordScalar(previous) && next == " ") { continue }
            if scalar == ".", joinsWord || (start < index && isAbbreviationSoFar(scalars[start...index])) { continue }
            if scalar == ",", isDigit(previous), isDigit(next) { continue }
            if start < index { chunks.append(start..<index) }
            start = index + 1
        }
        if start < scalars.count { chunks.append(start..<scalars.count) }
        return chunks
    }

    /// Splits a chunk at hyphens and en dashes.
    static func compoundParts(_ chunk: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        chunk.split(whereSeparator: isCompoundSeparator).map(Array.init)
    }

    /// Whether `scalar` joins the parts of a compound: a hyphen or an en dash.
    static func isCompoundSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }

    /// The most terms any analyser, whatever its stop words, makes of `text`: one per run of
    /// letters and digits (a word has at least one) and one joined form per hyphen or dash. An
    /// analysis with that many terms dropped no stop word.
    package static func mostTerms(in text: String) -> Int {
        var count = 0
        var inRun = false
        for scalar in text.unicodeScalars {
            let isWord = isWordScalar(scalar)
            if isWord, !inRun { count += 1 }
            if isCompoundSeparator(scalar) { count += 1 }
            inRun = isWord
        }
        return count
    }

    /// The tokens of one chunk, positions counted from the chunk's start, and how many words it held.
    package struct ChunkTokens: Equatable {
        package var tokens: [Token]
        package var words: Int
        /// The stop words of `StopWords.ordered` left out.
        package var functionWords = FunctionWordSet()
        /// Whether a word of the chunk is one of the analyser's stop words (kept as an acronym or not).
        package var hasStopWord = false
    }

    /// A folded word and whether it was a dotted abbreviation.
    struct Word {
        var text: String
        var isAbbreviation: Bool
    }

    /// Folds one compound part into a word, or nil when nothing word-like is left.
    static func normalise(_ part: [Unicode.Scalar]) -> Word? {
        var scalars = part[...]
        while let last = scalars.last, last == "." || last == "'" || last == "," { scalars = scalars.dropLast() }
        while let first = scalars.first, first == "." || first == "'" || first == "," { scalars = scalars.dropFirst() }
        guard !scalars.isEmpty else { return nil }
        let isAbbreviation = scalars.contains(".") && isAbbreviationSoFar(Array(scalars) + ["."])
        var text = ""
        text.unicodeScalars.reserveCapacity(scalars.count)
        for scalar in scalars {
            switch scalar {
            case "'": text.unicodeScalars.append("'")
            case ",": continue
            case ".": if !isAbbreviation { text.unicodeScalars.append(".") }
            default: appendFolded(scalar, to: &text)
            }
        }
        if text.hasSuffix("'s") { text.removeLast(2) }
        if text.hasSuffix("'") { text.removeLast() }
        guard !text.isEmpty else { return nil }
        return Word(text: text, isAbbreviation: isAbbreviation)
    }

    /// Whether scalars read "X.Y." so far: single letters each followed by a period.
    static func isAbbreviationSoFar(_ scalars: some Collection<Unicode.Scalar>) -> Bool {
        guard scalars.count >= 4, scalars.count % 2 == 0 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if index % 2 == 0 ? !scalar.properties.isAlphabetic : scalar != "." { return false }
        }
        return true
    }

    static func appendFolded(_ scalar: Unicode.Scalar, to text: inout String) {
        if scalar.isASCII {
            let value = scalar.value
            text.unicodeScalars.append((65...90).contains(value) ? Unicode.Scalar(value + 32) ?? scalar : scalar)
            return
        }
        let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for piece in folded.unicodeScalars where !piece.properties.isDiacritic && piece.properties.generalCategory != .nonspacingMark {
            text.unicodeScalars.append(piece)
        }
    }

    /// Whether `scalar` is a letter or a digit; ASCII is decided without the Unicode property tables.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let lowered = scalar.value | 0x20
            return (48...57).contains(scalar.value) || (97...122).contains(lowered)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}"
    }
}
