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
        // Every distinct word, numbered in the order met: each headword, then its related words.
        var texts: [String] = []
        var wordNumbers: [String: Int32] = [:]
        wordNumbers.reserveCapacity(lexicon.headwordCount * 2)
        func number(ofWord text: String) -> Int32 {
            if let known = wordNumbers[text] { return known }
            texts.append(text)
            wordNumbers[text] = Int32(texts.count - 1)
            return Int32(texts.count - 1)
        }
        let entries = lexicon.entries.map { headword, relations in
            (headword: number(ofWord: headword), relations: relations.map { (word: number(ofWord: $0.word), kind: $0.kind, weight: $0.weight) },
             kind: relations.isEmpty ? ExpansionTable.WordKind.rare
                : relations.contains { $0.kind == .alias } && !relations.contains { $0.kind == .synonym } ? .name : .word)
        }
        var terms: [String] = []
        var termNumbers: [String: Int32] = [:]
        termNumbers.reserveCapacity(texts.count)
        func number(ofTerm term: String) -> Int32 {
            if let known = termNumbers[term] { return known }
            terms.append(term)
            termNumbers[term] = Int32(terms.count - 1)
            return Int32(terms.count - 1)
        }
        let words = texts.map { text in
            // `split` counts words as `ExpansionTable.precedes` did; a word without a space is one.
            Word(text: text, terms: analyzer.terms(text).map(number(ofTerm:)),
                 length: ExpansionTable.isPhrase(text) ? text.split(separator: " ").count : 1)
        }
        var headwords: [Headword] = []
        headwords.reserveCapacity(entries.count)
        var kinds = [ExpansionTable.WordKind?](repeating: nil, count: terms.count)
        for entry in entries {
            let headword = words[Int(entry.headword)]
            if !ExpansionTable.isPhrase(headword.text) {
                Self.count(entry.kind, of: headword, in: &kinds)
            }
            var key = headword.terms
            // Analysed with its function words, a headword can only have more terms when its terms
            // are fewer than its words can give (most have as many).
            if key.count < Analyzer.mostTerms(in: headword.text) {
                let surface = ExpansionTable.phraseAnalyzer.terms(headword.text)
                if surface.count > key.count {
                    // A phrase with function words ("make up", "give in"): only the phrase as written means it.
                    guard surface.count <= ExpansionTable.longestPhrase else { continue }
                    key = surface.map(number(ofTerm:))
                }
            }
            // A related phrase that loses function words ("kind of", "make it") would match its bare word.
            let relations = entry.relations.lazy
                .filter { $0.kind == .alias || words[Int($0.word)].length <= words[Int($0.word)].terms.count }
                .map { Relation(word: $0.word, kind: $0.kind, weight: $0.weight) }
            headwords.append(Headword(word: entry.headword, key: key, relations: Array(relations)))
        }
        self.terms = terms
        self.termNumbers = termNumbers
        self.words = words
        self.headwords = headwords
        self.analyzer = analyzer
        var dictionary: [String: ExpansionTable.WordKind] = [:]
        dictionary.reserveCapacity(kinds.count)
        for (term, kind) in zip(terms, kinds) { if let kind { dictionary[term] = kind } }
        for form in Self.combiningForms(of: lexicon) {
            for term in analyzer.terms(form) where dictionary[term] != .word { dictionary[term] = .combiningForm }
        }
        self.dictionary = dictionary
    }

    /// The first parts of the lexicon's hyphenated headwords ("sino" of "sino-tibetan") that are no
    /// headword of their own and end in English combining forms' "-o" ("Sino-", "Austro-", "Serbo-"),
    /// of three letters or more; other first parts are mostly names ("Winston" of "Winston-Salem").
    static func combiningForms(of lexicon: Lexicon) -> Set<String> {
        var forms: Set<String> = []
        for (headword, _) in lexicon.entries {
            guard let hyphen = headword.firstIndex(of: "-"), !headword[..<hyphen].contains(" ") else { continue }
            let first = String(headword[..<hyphen])
            if first.count >= 3, first.hasSuffix("o"), first.allSatisfy(\.isLetter), !lexicon.contains(first) { forms.insert(first) }
        }
        return forms
    }

    /// A lexicon's analysis from its parts (`init?(archive:analyzer:)`), the terms' numbers derived.
    init(terms: [String], words: [Word], headwords: [Headword], analyzer: Analyzer, dictionary: [String: ExpansionTable.WordKind]) {
        var termNumbers: [String: Int32] = [:]
        termNumbers.reserveCapacity(terms.count)
        for (number, term) in terms.enumerated() { termNumbers[term] = Int32(number) }
        self.terms = terms
        self.termNumbers = termNumbers
        self.words = words
        self.headwords = headwords
        self.analyzer = analyzer
        self.dictionary = dictionary
    }

    /// Counts a single-word headword of kind `kind` for each of its terms: a hyphenated word is
    /// known in each of the forms the analyser gives it ("long-range"); a term of several headwords
    /// is a word if any is, a name if all are.
    static func count(_ kind: ExpansionTable.WordKind, of word: Word, in kinds: inout [ExpansionTable.WordKind?]) {
        for term in word.terms {
            switch (kinds[Int(term)], kind) {
            case (nil, _): kinds[Int(term)] = kind
            case (.word?, _), (_, .word): kinds[Int(term)] = .word
            case (.name?, .name): kinds[Int(term)] = .name
            default: kinds[Int(term)] = .rare
            }
        }
    }
}
