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
    ///   - lexicon: The general lexicon.
    ///   - vocabulary: The corpus's terms (any field).
    ///   - analyzer: The analyser the corpus was indexed with.
    /// - Complexity: O(relations in the lexicon) analyses.
    public init(lexicon: Lexicon, vocabulary: Set<String>, analyzer: Analyzer) {
        var entries: [String: [String: Entry]] = [:]
        var termsOfWord: [String: [String]] = [:]
        func terms(of word: String) -> [String] {
            if let known = termsOfWord[word] { return known }
            let analysed = analyzer.terms(word)
            termsOfWord[word] = analysed
            return analysed
        }
        func add(key keyTerms: [String], relatedTerms: [String], relation: Lexicon.Relation) {
            guard !keyTerms.isEmpty, keyTerms.count <= Self.longestPhrase, !relatedTerms.isEmpty, relatedTerms.allSatisfy(vocabulary.contains) else { return }
            let key = keyTerms.joined(separator: " ")
            for term in relatedTerms where !keyTerms.contains(term) {
                // The strongest relation wins; between equals, the shorter related word ("Iran" over
                // "capital of Iran": the term then stands alone, not as part of a phrase), then the
                // first in alphabetical order, so that the table does not depend on the lexicon's order.
                let candidate = Entry(term: term, weight: relation.weight, kind: relation.kind, word: relation.word)
                if let existing = entries[key]?[term], !Self.precedes(candidate, existing) { continue }
                entries[key, default: [:]][term] = candidate
            }
        }
        let affixes = AffixIndex(vocabulary: vocabulary, analyzer: analyzer)
        let phrases = Self.phraseAnalyzer
        for (headword, relations) in lexicon.entries {
            var keyTerms = terms(of: headword)
            let surface = phrases.terms(headword)
            if surface.count > keyTerms.count {
                // A phrase with function words ("make up", "give in"): only the phrase as written means it.
                guard surface.count <= Self.longestPhrase else { continue }
                keyTerms = surface
            }
            if keyTerms.count == 1, !vocabulary.contains(keyTerms[0]), let affixed = affixes.variant(of: headword) {
                add(key: keyTerms, relatedTerms: [affixed], relation: Lexicon.Relation(word: affixed, kind: .derived, weight: Self.affixWeight))
            }
            for relation in relations {
                var relatedTerms = terms(of: relation.word)
                // A related phrase that loses function words ("kind of", "make it") would match its bare word.
                if relation.kind != .alias, relation.word.split(separator: " ").count > relatedTerms.count { continue }
                if relatedTerms.count == 1, !vocabulary.contains(relatedTerms[0]), let affixed = affixes.variant(of: relation.word) {
                    relatedTerms = [affixed]
                }
                add(key: keyTerms, relatedTerms: relatedTerms, relation: relation)
                if relation.kind == .derived || relation.kind == .alias {
                    add(key: relatedTerms, relatedTerms: keyTerms, relation: Lexicon.Relation(word: headword, kind: relation.kind, weight: relation.weight))
                }
            }
        }
        self.entries = entries.mapValues { $0.values.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) } }
    }

    /// Whether `entry` should replace `other` for the same key and term: stronger, or as strong with a
    /// related word of fewer words, or as strong and as long and first alphabetically, or the same
    /// word by the kind first alphabetically ("spark" is a synonym of "sparkle" and "sparkle" a
    /// derived form of "spark"; the lexicon's headwords are read in hash order).
    static func precedes(_ entry: Entry, _ other: Entry) -> Bool {
        if entry.weight != other.weight { return entry.weight > other.weight }
        let words = entry.word.split(separator: " ").count, otherWords = other.word.split(separator: " ").count
        if words != otherWords { return words < otherWords }
        if entry.word != other.word { return entry.word < other.word }
        return entry.kind.rawValue < other.kind.rawValue
    }

    /// The most words a key may have: "make up for" is looked up, longer phrases are not.
    public static let longestPhrase = 3

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
    struct AffixIndex {
        let vocabulary: Set<String>
        let prefixesByStart: [Substring: [String]]
        let starts: Set<Substring>
        let analyzer: Analyzer

        init(vocabulary: Set<String>, analyzer: Analyzer) {
            self.vocabulary = vocabulary
            self.analyzer = analyzer
            var prefixesByStart: [Substring: Set<String>] = [:]
            for term in vocabulary {
                for prefix in ExpansionTable.prefixes where term.hasPrefix(prefix) && term.count >= prefix.count + 4 {
                    prefixesByStart[term.dropFirst(prefix.count).prefix(3), default: []].insert(prefix)
                }
            }
            // In the order of `prefixes`, not the vocabulary's hash order: the first that fits wins.
            self.prefixesByStart = prefixesByStart.mapValues { found in ExpansionTable.prefixes.filter(found.contains) }
            starts = Set(vocabulary.map { $0.prefix(3) })
        }

        /// The corpus term of the word `word` with a prefix added or removed ("reaction" → "overreact").
        func variant(of word: String) -> String? {
            guard word.count >= 4, !word.contains(" ") else { return nil }
            for prefix in prefixesByStart[word.prefix(3)] ?? [] {
                let stem = analyzer.stem(prefix + word)
                if vocabulary.contains(stem) { return stem }
            }
            for prefix in ExpansionTable.prefixes where word.hasPrefix(prefix) && word.count >= prefix.count + 4 {
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
    }

    /// The terms of every single-word headword of `lexicon` — the words known to be English — and
    /// what each is (`WordKind`); a term of several headwords is a word if any is.
    public static func dictionary(of lexicon: Lexicon, analyzer: Analyzer) -> [String: WordKind] {
        var keys: [String: WordKind] = [:]
        for (headword, relations) in lexicon.entries where !headword.contains(" ") {
            let kind: WordKind = relations.isEmpty ? .rare
                : relations.contains { $0.kind == .alias } && !relations.contains { $0.kind == .synonym } ? .name : .word
            // A hyphenated word is known in each of the forms the analyser gives it ("long-range").
            for term in analyzer.terms(headword) {
                switch (keys[term], kind) {
                case (nil, _): keys[term] = kind
                case (.word?, _), (_, .word): keys[term] = .word
                case (.name?, .name): keys[term] = .name
                default: keys[term] = .rare
                }
            }
        }
        return keys
    }
}
