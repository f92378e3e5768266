/// A lexicon analysed into numbered terms: what `ExpansionTable` needs of it whatever the corpus.
///
/// Analysing every headword and related word is most of the cost of an expansion table and does
/// not depend on the corpus, so a store build does it while it reads the corpus; narrowing it to
/// the corpus's vocabulary (`ExpansionTable.init(lexicon:vocabulary:)`) is then lookups of
/// numbers. Each distinct word is analysed once, for the table and the dictionary alike.
public struct AnalysedLexicon: Sendable {
    /// A headword or related word with its terms.
    struct Word: Sendable {
        /// The word as written in the lexicon ("united states").
        var text: String
        /// The numbers of the analyser's terms of the word, in order.
        var terms: [Int32]
        /// How many space-separated words it has: between equal relations, the fewer win.
        var length: Int
    }

    /// A relation of a headword to a numbered word.
    struct Relation: Sendable {
        var word: Int32
        var kind: Lexicon.Kind
        var weight: Double
    }

    /// A headword with its key and the relations that can lead to a corpus.
    struct Headword: Sendable {
        var word: Int32
        /// The headword's stems, or all its words when it is a phrase with function words ("make up").
        var key: [Int32]
        /// The relations, less related phrases that would lose function words ("kind of").
        var relations: [Relation]
    }

    /// Every term of the lexicon; a term's number is its index.
    let terms: [String]
    let termNumbers: [String: Int32]
    /// Every headword and related word; a word's number is its index.
    let words: [Word]
    /// The headwords, less phrases with function words of more than `ExpansionTable.longestPhrase` words.
    let headwords: [Headword]
    /// The analyser the terms were made with.
    let analyzer: Analyzer
    /// The terms of every single-word headword — the words known to be English — and what each is
    /// (`ExpansionTable.WordKind`); a term of several headwords is a word if any is.
    public let dictionary: [String: ExpansionTable.WordKind]

    /// Analyses every headword and related word of `lexicon` with `analyzer`, the corpus's analyser.
    ///
    /// - Complexity: O(words in the lexicon) analyses.
    public init(_ lexicon: Lexicon, analyzer: Analyzer) {
        var terms: [String] = []
        var termNumbers: [String: Int32] = [:]
        var words: [Word] = []
        var wordNumbers: [String: Int32] = [:]
        func number(ofTerm term: String) -> Int32 {
            if let known = termNumbers[term] { return known }
            let number = Int32(terms.count)
            terms.append(term)
            termNumbers[term] = number
            return number
        }
        func number(ofWord text: String) -> Int32 {
            if let known = wordNumbers[text] { return known }
            let number = Int32(words.count)
            let word = Word(text: text, terms: analyzer.terms(text).map(number(ofTerm:)), length: text.split(separator: " ").count)
            words.append(word)
            wordNumbers[text] = number
            return number
        }
        var headwords: [Headword] = []
        var kinds: [Int32: ExpansionTable.WordKind] = [:]
        for (headword, relations) in lexicon.entries {
            let word = number(ofWord: headword)
            if !headword.utf8.contains(UInt8(ascii: " ")) {
                Self.count(headword: words[Int(word)], relations: relations, in: &kinds)
            }
            var key = words[Int(word)].terms
            let surface = ExpansionTable.phraseAnalyzer.terms(headword)
            if surface.count > key.count {
                // A phrase with function words ("make up", "give in"): only the phrase as written means it.
                guard surface.count <= ExpansionTable.longestPhrase else { continue }
                key = surface.map(number(ofTerm:))
            }
            var kept: [Relation] = []
            kept.reserveCapacity(relations.count)
            for relation in relations {
                let related = number(ofWord: relation.word)
                // A related phrase that loses function words ("kind of", "make it") would match its bare word.
                if relation.kind != .alias, words[Int(related)].length > words[Int(related)].terms.count { continue }
                kept.append(Relation(word: related, kind: relation.kind, weight: relation.weight))
            }
            headwords.append(Headword(word: word, key: key, relations: kept))
        }
        self.terms = terms
        self.termNumbers = termNumbers
        self.words = words
        self.headwords = headwords
        self.analyzer = analyzer
        dictionary = Dictionary(uniqueKeysWithValues: kinds.lazy.map { (terms[Int($0.key)], $0.value) })
    }

    /// Counts the kind of the single-word headword `word` for each of its terms: a hyphenated word
    /// is known in each of the forms the analyser gives it ("long-range").
    static func count(headword word: Word, relations: ArraySlice<Lexicon.Relation>, in kinds: inout [Int32: ExpansionTable.WordKind]) {
        let kind: ExpansionTable.WordKind = relations.isEmpty ? .rare
            : relations.contains { $0.kind == .alias } && !relations.contains { $0.kind == .synonym } ? .name : .word
        for term in word.terms {
            switch (kinds[term], kind) {
            case (nil, _): kinds[term] = kind
            case (.word?, _), (_, .word): kinds[term] = .word
            case (.name?, .name): kinds[term] = .name
            default: kinds[term] = .rare
            }
        }
    }
}
