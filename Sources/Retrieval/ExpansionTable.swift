/// Lexical relations narrowed to one corpus: for a query word's stem, the corpus terms it may mean.
///
/// Built at index time from a `Lexicon` (WordNet-derived synonyms, derived forms, aliases and
/// lemmas; derived forms and aliases both ways, "Chechen" ↔ "Chechnya"): each headword is keyed by its stems (joined by a space for multi-word headwords), and
/// each related word is analysed into terms and kept only when the corpus uses all of them
/// ("united states" when it has both "united" and "states"; not "capital of France" for "Paris"
/// in a corpus that never mentions France).
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
            guard !keyTerms.isEmpty, keyTerms.count <= 2, !relatedTerms.isEmpty, relatedTerms.allSatisfy(vocabulary.contains) else { return }
            let key = keyTerms.joined(separator: " ")
            for term in relatedTerms where !keyTerms.contains(term) {
                if let existing = entries[key]?[term], existing.weight >= relation.weight { continue }
                entries[key, default: [:]][term] = Entry(term: term, weight: relation.weight, kind: relation.kind, word: relation.word)
            }
        }
        for (headword, relations) in lexicon.entries {
            let keyTerms = terms(of: headword)
            for relation in relations {
                let relatedTerms = terms(of: relation.word)
                add(key: keyTerms, relatedTerms: relatedTerms, relation: relation)
                if relation.kind == .derived || relation.kind == .alias {
                    add(key: relatedTerms, relatedTerms: keyTerms, relation: Lexicon.Relation(word: headword, kind: relation.kind, weight: relation.weight))
                }
            }
        }
        self.entries = entries.mapValues { $0.values.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) } }
    }

    /// The keys of every single-word headword of `lexicon`: the words known to be English, which
    /// are therefore not misspellings.
    public static func dictionary(of lexicon: Lexicon, analyzer: Analyzer) -> Set<String> {
        var keys: Set<String> = []
        for (headword, _) in lexicon.entries where !headword.contains(" ") {
            if let term = analyzer.terms(headword).first { keys.insert(term) }
        }
        return keys
    }

    /// The corpus terms `key` may mean, strongest first.
    public func entries(for key: String) -> [Entry] {
        entries[key] ?? []
    }
}
