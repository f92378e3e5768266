/// Lexical relations narrowed to one corpus: for a query word's stem, the corpus terms it may mean.
///
/// Built at index time from a `Lexicon` (WordNet-derived synonyms, derived forms, aliases and
/// lemmas; derived forms and aliases both ways, "Chechen" ↔ "Chechnya"; a related word the corpus
/// lacks may be matched with a prefix added or removed, "react" → "overreact"): each headword is
/// keyed by its stems (joined by a space for multi-word headwords; a phrase with function words by
/// all its words, "make up", so that it is found only as a phrase and the bare verb stays clean),
/// and each related word is analysed into terms and kept only when the corpus uses all of them
/// ("united states" when it has both "united" and "states"; not "capital of France" for "Paris"
/// in a corpus that never mentions France) and it loses no function word (the index has none, so
/// "kind of" could only match "kind").
public struct ExpansionTable: Sendable, Equatable {
    /// One corpus term a key may mean.
    public struct Entry: Sendable, Equatable {
        public var term: String
        /// The relation's strength, 0…1.
        public var weight: Double
        public var kind: Lexicon.Kind
        /// The related word as written in the lexicon ("united states").
        public var word: String

        public init(term: String, weight: Double, kind: Lexicon.Kind, word: String) {
            self.term = term
            self.weight = weight
            self.kind = kind
            self.word = word
        }
    }

    /// The entries by key, strongest first.
    public private(set) var entries: [String: [Entry]]

    public init(entries: [String: [Entry]] = [:]) {
        self.entries = entries
    }

    /// The relations of `lexicon` that lead to terms in `vocabulary`.
    ///
    /// - Parameters:
    ///   - lexicon: The general lexicon, analysed with the analyser the corpus was indexed with.
    ///   - vocabulary: The corpus's terms (any field): a collection whose `contains` is a hash lookup,
    ///     such as a set or a dictionary's keys (a build's vocabulary is the latter: making a set of
    ///     its 121,700 terms at 100k passages took 20 ms).
    /// - Complexity: O(relations in the lexicon) lookups of numbers; O(words in the lexicon) hash
    ///   lookups of terms, or O(terms in `vocabulary`) when there are fewer.
    public init<Vocabulary: Collection<String>>(lexicon: AnalysedLexicon, vocabulary: Vocabulary) {
        let lexiconTerms = lexicon.terms.count
        // Whether the corpus has each term, by number: the lexicon's, then the affix variants it lacks.
        var known = [Bool](repeating: false, count: lexiconTerms)
        if vocabulary.count < lexiconTerms {
            for term in vocabulary { if let number = lexicon.termNumbers[term] { known[Int(number)] = true } }
        } else {
            for (number, term) in lexicon.terms.enumerated() where vocabulary.contains(term) { known[number] = true }
        }
        var variantTerms: [String] = []
        var variantNumbers: [String: Int32] = [:]
        func text(ofTerm number: Int32) -> String {
            number < lexiconTerms ? lexicon.terms[Int(number)] : variantTerms[Int(number) - lexiconTerms]
        }
        func isKnown(_ number: Int32) -> Bool {
            number >= lexiconTerms || known[Int(number)]
        }
        let affixes = AffixIndex(vocabulary: vocabulary, analyzer: lexicon.analyzer)
        // Each word's affix variant, found once: `unsought`, `absent`, or a term's number.
        let unsought: Int32 = -2, absent: Int32 = -1
        var variants = [Int32](repeating: unsought, count: lexicon.words.count)
        func variant(of word: Int32) -> Int32? {
            if variants[Int(word)] == unsought {
                variants[Int(word)] = affixes.variant(of: lexicon.words[Int(word)].text).map { term in
                    if let number = lexicon.termNumbers[term] ?? variantNumbers[term] { return number }
                    let number = Int32(lexiconTerms + variantTerms.count)
                    variantTerms.append(term)
                    variantNumbers[term] = number
                    return number
                } ?? absent
            }
            return variants[Int(word)] == absent ? nil : variants[Int(word)]
        }
        var entries: [Key: [Int32: Candidate]] = [:]
        // The relation is made only for the few that lead to the corpus.
        func add(key keyTerms: [Int32], relatedTerms: [Int32], relation makeRelation: @autoclosure () -> Candidate) {
            guard !keyTerms.isEmpty, keyTerms.count <= Self.longestPhrase, !relatedTerms.isEmpty, relatedTerms.allSatisfy(isKnown) else { return }
            let key = Key(keyTerms)
            let relation = makeRelation()
            for term in relatedTerms where !keyTerms.contains(term) {
                // The strongest relation wins; between equals, the shorter related word ("Iran" over
                // "capital of Iran": the term then stands alone, not as part of a phrase), then the
                // first in alphabetical order, so that the table does not depend on the lexicon's order.
                if let existing = entries[key]?[term], !Self.precedes(relation, existing) { continue }
                entries[key, default: [:]][term] = relation
            }
        }
        for headword in lexicon.headwords {
            let keyTerms = headword.key
            if keyTerms.count == 1, !isKnown(keyTerms[0]), let affixed = variant(of: headword.word) {
                add(key: keyTerms, relatedTerms: [affixed], relation: Candidate(word: text(ofTerm: affixed), length: 1, kind: .derived, weight: Self.affixWeight))
            }
            for relation in headword.relations {
                var relatedTerms = lexicon.words[Int(relation.word)].terms
                if relatedTerms.count == 1, !isKnown(relatedTerms[0]), let affixed = variant(of: relation.word) {
                    relatedTerms = [affixed]
                }
                add(key: keyTerms, relatedTerms: relatedTerms, relation: Candidate(lexicon.words[Int(relation.word)], kind: relation.kind, weight: relation.weight))
                if relation.kind == .derived || relation.kind == .alias {
                    add(key: relatedTerms, relatedTerms: keyTerms, relation: Candidate(lexicon.words[Int(headword.word)], kind: relation.kind, weight: relation.weight))
                }
            }
        }
        var table: [String: [Entry]] = [:]
        table.reserveCapacity(entries.count)
        for (key, candidates) in entries {
            let entries = candidates.map { Entry(term: text(ofTerm: $0.key), weight: $0.value.weight, kind: $0.value.kind, word: $0.value.word) }
            table[key.terms.map(text(ofTerm:)).joined(separator: " ")] = entries.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }
        }
        self.entries = table
    }

    /// A key of one to three (`longestPhrase`) term numbers, hashed without an array.
    struct Key: Hashable {
        var first: Int32, second: Int32, third: Int32

        init(_ terms: [Int32]) {
            assert((1...3).contains(terms.count) && ExpansionTable.longestPhrase == 3)
            first = terms[0]
            second = terms.count > 1 ? terms[1] : -1
            third = terms.count > 2 ? terms[2] : -1
        }

        var terms: [Int32] { [first, second, third].filter { $0 >= 0 } }
    }

    /// What an entry is, but its term, with the number of words of its related word.
    struct Candidate {
        var word: String
        /// How many space-separated words `word` has.
        var length: Int
        var kind: Lexicon.Kind
        var weight: Double

        init(word: String, length: Int, kind: Lexicon.Kind, weight: Double) {
            self.word = word
            self.length = length
            self.kind = kind
            self.weight = weight
        }

        init(_ word: AnalysedLexicon.Word, kind: Lexicon.Kind, weight: Double) {
            self.init(word: word.text, length: word.length, kind: kind, weight: weight)
        }
    }

    /// Whether `entry` should replace `other` for the same key and term: stronger, or as strong with a
    /// related word of fewer words, or as strong and as long and first alphabetically, or the same
    /// word by the kind first alphabetically ("spark" is a synonym of "sparkle" and "sparkle" a
    /// derived form of "spark"; the lexicon's headwords are read in hash order).
    static func precedes(_ entry: Candidate, _ other: Candidate) -> Bool {
        if entry.weight != other.weight { return entry.weight > other.weight }
        if entry.length != other.length { return entry.length < other.length }
        if entry.word != other.word { return entry.word < other.word }
        return entry.kind.rawValue < other.kind.rawValue
    }

    /// The most words a key may have: "make up for" is looked up, longer phrases are not.
    public static let longestPhrase = 3

    /// Whether `text` — a key, a headword or a related word — has more than one word ("united state"):
    /// words are joined by a space.
    public static func isPhrase(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: " "))
    }

    /// The analyser of phrase keys: it keeps function words, so "make up" (= compensate) is not "make".
    public static let phraseAnalyzer = Analyzer(stopWords: [])

    /// English derivational prefixes: a word the corpus lacks may be there with one of them added
    /// ("reaction" → "overreaction") or removed.
    static let prefixes = ["over", "under", "counter", "re", "pre", "post", "anti", "non", "un", "mis", "out", "super", "inter", "co", "de", "dis"]
    /// How much a prefixed or unprefixed variant counts.
    static let affixWeight = 0.6

    /// What makes affix matching cheap: for the corpus's prefixed terms, the prefixes each
    /// three-letter remainder start follows; and the three-letter starts of all its terms. A word
    /// is stemmed with a prefix only when the corpus could hold the result.
    struct AffixIndex<Vocabulary: Collection<String>> {
        let vocabulary: Vocabulary
        let prefixesByStart: [Substring: [String]]
        let starts: Set<Substring>
        let analyzer: Analyzer

        init(vocabulary: Vocabulary, analyzer: Analyzer) {
            self.vocabulary = vocabulary
            self.analyzer = analyzer
            var prefixesByStart: [Substring: Set<String>] = [:]
            for term in vocabulary {
                // As in `variant(of:)`: a term that does not start with a prefix's first letter is passed over at once.
                let first = term.utf8.first
                for prefix in ExpansionTable.prefixes where prefix.utf8.first == first && term.hasPrefix(prefix) && term.count >= prefix.count + 4 {
                    prefixesByStart[term.dropFirst(prefix.count).prefix(3), default: []].insert(prefix)
                }
            }
            // In the order of `prefixes`, not the vocabulary's hash order: the first that fits wins.
            self.prefixesByStart = prefixesByStart.mapValues { found in ExpansionTable.prefixes.filter(found.contains) }
            starts = Set(vocabulary.map { $0.prefix(3) })
        }

        /// The corpus term of the word `word` with a prefix added or removed ("reaction" → "overreact").
        func variant(of word: String) -> String? {
            guard word.count >= 4, !ExpansionTable.isPhrase(word) else { return nil }
            for prefix in prefixesByStart[word.prefix(3)] ?? [] {
                let stem = analyzer.stem(prefix + word)
                if vocabulary.contains(stem) { return stem }
            }
            // A word starts with a prefix only if it starts with its first letter: most words are thus passed over at once.
            let first = word.utf8.first
            for prefix in ExpansionTable.prefixes where prefix.utf8.first == first && word.hasPrefix(prefix) && word.count >= prefix.count + 4 {
                let shorter = word.dropFirst(prefix.count)
                guard starts.contains(shorter.prefix(3)) else { continue }
                let stem = analyzer.stem(String(shorter))
                if vocabulary.contains(stem) { return stem }
            }
            return nil
        }
    }

    /// What the dictionary knows of a term.
    public enum WordKind: Int, Sendable {
        /// An English word with related words: never taken for a misspelling ("bake" is not "back").
        case word = 0
        /// Only a name: a proper noun with other names and no common sense ("mongolia", not "china",
        /// which is also porcelain), so a question typed in lower case still has its names recognised.
        case name = 1
        /// Only known to be English: a word WordNet has with no relations kept, mostly rare ("wat",
        /// "chian"), so one may still be a misspelling of a common word; but no name.
        case rare = 2
        /// The first part of hyphenated words that is no word of its own ("sino" of "Sino-Tibetan",
        /// "austro", "serbo"): in a question's compound ("Sino-Russian") it names nothing the corpus lacks.
        case combiningForm = 3
    }
}
