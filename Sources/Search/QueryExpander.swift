import Retrieval
import Store

/// Which query-side retrieval techniques are on; `eval --compare` switches each off in turn.
public struct RetrievalSettings: Sendable, Equatable {
    /// Add WordNet-derived synonyms, derived forms and aliases that the corpus uses.
    public var lexicalExpansion = true
    /// Match words the corpus does not know to close corpus words.
    public var typoTolerance = true
    /// How much an expansion counts relative to the user's own word (times the relation's strength).
    public var expansionWeight = 0.8
    /// The most related words or phrases a word, pair or phrase of the question is expanded with: its strongest.
    /// A common word has dozens in a large corpus ("works" → plant, deed, kit, shebang, …); each is
    /// a posting list to read and merge, and the weak ones rarely decide a rank (measured in
    /// docs/RETRIEVAL.md: 4 instead of all took the default search's p50 at 100k passages from 0.42
    /// to 0.35 ms with the same ranking, and kept or raised the small-corpus figures).
    public var expansionsPerKey = 4
    /// How much a passage's rank depends on how many of the question's topics it covers (0: plain
    /// score; see `Retriever.search`).
    public var coordination = 0.5
    /// How much a spelling correction counts at edit distance 1 (distance 2 counts 3/4 of that).
    public var correctionWeight = 0.8
    /// Count a multi-word expansion ("pull round") in a field only where most of its words are
    /// (see `PhraseExpansions`).
    public var phraseMatching = true
    /// How much very common words that name no topic ("will", "like", "many"; `QuestionWords.generic`)
    /// count in a question that has a word that does (1: as typed). Leaving them out (0) helped the
    /// bundled corpus, where "will" ranked passages, but lost known-item searches on large corpora,
    /// where such words tell near-duplicates apart; half weight does both.
    public var genericWordWeight = 0.5
    /// How the lexical score and the similarity of meaning are combined, when the store has vectors.
    public var fusion = Fusion.weighted(lexicalWeight: 0.3)
    /// Choose an answer's sentences by meaning as well as words, when the store has sentence vectors.
    public var sentenceMeaning = true

    public init() {}
}

/// Widens a query with words the user did not type but probably meant.
///
/// - **Lexical expansion**: each of the user's terms, and each pair of adjacent terms ("united
///   states"), is looked up in the store's expansion table, which holds only relations that lead to
///   terms of this corpus ("frontier" → "border", "America" → "U.S.", "economic" → "economy").
///   A term of a pair or phrase that has expansions is not expanded on its own: the longer match
///   says which sense was meant ("let down" → "disappoint", not "let" → "allow").
/// - **Typo tolerance**: a term that no passage has, that has no expansion and that is no English
///   word the lexicon knows (so "bake" is never "corrected" to "back") is matched to the corpus
///   terms within a small edit distance ("sanctoins" → "sanction"), the closest and then the most
///   frequent first. A term known to neither the corpus nor English, and no misspelling of
///   either, is a name the corpus never mentions (`Query.unknownNames`), typed in lower case.
/// Added terms weigh less than the user's own and are marked `.expansion` with their `sources`.
public struct QueryExpander {
    let store: PassageStore
    /// The analyser the store was built with, to split related phrases into terms.
    let analyzer: Analyzer
    public var settings: RetrievalSettings

    public init(store: PassageStore, analyzer: Analyzer = Analyzer(), settings: RetrievalSettings = RetrievalSettings()) {
        self.store = store
        self.analyzer = analyzer
        self.settings = settings
    }

    /// `query` with expansion terms added for the user's terms in `tokens`.
    ///
    /// - Parameters:
    ///   - query: The user's query.
    ///   - tokens: The analysed question, for adjacent pairs.
    ///   - surface: The question analysed with its function words (`ExpansionTable.phraseAnalyzer`),
    ///     for phrases such as "make up"; empty to look up none.
    /// - Throws: `DatabaseError` when the store cannot be read.
    public func expand(_ query: Query, tokens: [Token], surface: [Token] = []) throws -> Query {
        var expanded = query
        var added: [QueryTerm] = []
        let userWeights = Dictionary(query.terms.map { ($0.term, $0.weight) }, uniquingKeysWith: max)
        let framing = QuestionWords.nonTopical
        var keys: [(key: String, weight: Double, word: String)] = []
        for (index, token) in tokens.enumerated() where !framing.contains(token.word) {
            keys.append((token.term, userWeights[token.term] ?? 1, token.word))
            if index + 1 < tokens.count, tokens[index + 1].position == token.position + 1 {
                let next = tokens[index + 1]
                keys.append(("\(token.term) \(next.term)", 1, "\(token.word) \(next.word)"))
            }
        }
        keys += phraseKeys(surface).map { ($0.key, 1, $0.words) }
        var expandedSources: Set<String> = []
        var phrases: [String: (weight: Double, terms: Set<String>)] = [:]
        var standalone: Set<String> = []
        let nameCheck = NameCheck(store: store, analyzer: analyzer)
        let names = try nameCheck.names(in: tokens)
        if settings.lexicalExpansion {
            // The terms of each related phrase, analysed once a query (each of them is an entry of its own).
            var phraseTerms: [String: [String]] = [:]
            let lookedUp = try keys.map { key, weight, word in
                (key: key, weight: weight, word: word, entries: strongest(try store.expansions(for: key).filter { userWeights[$0.term] == nil }))
            }
            // A word of a pair or phrase that has expansions of its own means what the phrase means:
            // "let" of "let down" (→ "disappoint") is not also "allow".
            var inPhrases: Set<String> = []
            for item in lookedUp where !item.entries.isEmpty && ExpansionTable.isPhrase(item.key) {
                inPhrases.formUnion(item.key.split(separator: " ").map(String.init))
            }
            for (key, weight, word, entries) in lookedUp where !entries.isEmpty && !inPhrases.contains(key) {
                let sources = key.split(separator: " ").map(String.init)
                var expandsKey = false
                for entry in entries {
                    // A name the corpus lacks stands only for its true aliases, written out in some passage.
                    if names.contains(key), try !store.contains(term: key), try !nameCheck.isAlias(entry) { continue }
                    let termWeight = weight * entry.weight * settings.expansionWeight
                    added.append(QueryTerm(term: entry.term, word: "\(word) → \(entry.word)", weight: termWeight, origin: .expansion, sources: sources))
                    expandsKey = true
                    // A word of letters alone is one term; only others need analysing to tell a phrase.
                    var phrase: [String] = []
                    if let known = phraseTerms[entry.word] {
                        phrase = known
                    } else if !Self.isLetters(entry.word) {
                        phrase = analyzer.terms(entry.word)
                        phraseTerms[entry.word] = phrase
                    }
                    if phrase.count < 2 {
                        standalone.insert(entry.term)
                    } else if termWeight > phrases[entry.term]?.weight ?? 0 {
                        phrases[entry.term] = (termWeight, Set(phrase))
                    }
                }
                // Once a key, not once a related word.
                if expandsKey { expandedSources.formUnion(sources) }
            }
        }
        expanded.phrases = phrases.filter { !standalone.contains($0.key) }.mapValues(\.terms)
        var misspeltCommon: Set<String> = []
        for term in query.terms where term.origin == .user && !framing.contains(term.word) {
            guard try !store.contains(term: term.term) else { continue }
            // A compound's joined form ("mediumrange") is matched where the corpus has it, and otherwise
            // left to its parts: it is no name and no misspelling.
            guard !tokens.contains(where: { $0.isJoinedCompound && $0.term == term.term }) else { continue }
            if names.contains(term.term) {
                // A name the corpus lacks is matched through a true alias (above) or a spelling variant ("Kyiv" → "Kiev");
                // the first part of a compound ("Sino" of "Sino-Russian") is no name.
                guard !expandedSources.contains(term.term), try store.dictionaryKind(of: term.term) != .combiningForm else { continue }
                if let correction = try correction(of: term, amongNames: true) {
                    added.append(correction)
                } else {
                    let shown = nameCheck.shown(term.term, in: tokens, names: names)
                    if !expanded.unknownNames.contains(shown) { expanded.unknownNames.append(shown) }
                }
            } else if !expandedSources.contains(term.term) {
                if Self.isSwappedCommonWord(term.word) {
                    // An English word the corpus never uses, two letters off a common word ("dose" for
                    // "does"): the common word was meant.
                    misspeltCommon.insert(term.term)
                    continue
                }
                // A word the lexicon relates to others is English the corpus lacks, and stays as it is.
                // Any other — a rare word or none — may be a misspelt common word ("thnk"), a misspelt
                // corpus word ("sanctoins"), or, known to no dictionary, a name.
                let kind = try store.dictionaryKind(of: term.term)
                guard kind == nil || kind == .rare else { continue }
                if Self.isMisspeltCommonWord(term.word) {
                    misspeltCommon.insert(term.term)
                } else if let correction = try correction(of: term, amongNames: false) {
                    added.append(correction)
                } else if kind == nil, Self.mayBeName(term.word), try !isEnglish(term.word) {
                    // Known to neither English nor the corpus, and no misspelling of either: a name
                    // typed in lower case ("how does the kremlin view zelensky?"), shown as typed.
                    if !expanded.unknownNames.contains(term.word) { expanded.unknownNames.append(term.word) }
                }
            }
        }
        if misspeltCommon.count < expanded.terms.count { expanded.terms.removeAll { misspeltCommon.contains($0.term) } }
        expanded.unknownNames += try nameCheck.unmatchedRuns(in: tokens, names: names)
        expanded.merge(added)
        return expanded
    }

    /// The entries of the `expansionsPerKey` strongest related words or phrases among `entries`
    /// (strongest first, as the store returns them); a phrase's terms come together.
    func strongest(_ entries: [ExpansionTable.Entry]) -> [ExpansionTable.Entry] {
        var words: [String] = []
        return entries.filter { entry in
            if words.contains(entry.word) { return true }
            guard words.count < settings.expansionsPerKey else { return false }
            words.append(entry.word)
            return true
        }
    }

    /// The runs of two to `ExpansionTable.longestPhrase` adjacent words that hold a function word
    /// and another word ("make up", "make up for"), as keys of the expansion table.
    public func phraseKeys(_ surface: [Token]) -> [(key: String, words: String)] {
        let stopWords = StopWords.english
        let isStopWord = surface.map { stopWords.contains($0.word) }
        var keys: [(key: String, words: String)] = []
        for start in surface.indices {
            var functionWords = isStopWord[start] ? 1 : 0
            var end = start
            for next in surface.indices.dropFirst(start + 1).prefix(ExpansionTable.longestPhrase - 1) {
                guard surface[next].position == surface[end].position + 1 else { break }
                end = next
                functionWords += isStopWord[next] ? 1 : 0
                if functionWords > 0, functionWords < end - start + 1 {
                    let run = surface[start...end]
                    keys.append((run.map(\.term).joined(separator: " "), run.map(\.word).joined(separator: " ")))
                }
            }
        }
        return keys
    }

    /// Whether `word` could be a name: letters only (no number, no "U.S."), three or more.
    static func mayBeName(_ word: String) -> Bool {
        word.count >= 3 && isLetters(word)
    }

    /// Whether `word` is letters alone; ASCII is checked by its bytes, as Unicode's letter property
    /// costs a table lookup a character (measured: 3 % of a default search at 100k passages), and an
    /// ASCII space, digit or mark settles it ("pull round" is no word).
    static func isLetters(_ word: String) -> Bool {
        var ascii = true
        for byte in word.utf8 {
            if (97...122).contains(byte | 0x20) { continue }
            guard byte >= 0x80 else { return false }
            ascii = false
        }
        return ascii || word.allSatisfy(\.isLetter)
    }

    /// Whether `word` is English though the dictionary lacks its term: a function word WordNet has
    /// not (`FunctionWords`), or a comparative or superlative the stemmer leaves whole ("wider",
    /// "biggest", "happier") of an adjective the dictionary has.
    func isEnglish(_ word: String) throws -> Bool {
        if FunctionWords.english.contains(word) { return true }
        for ending in ["est", "er"] where word.hasSuffix(ending) && word.count > ending.count + 2 {
            let stem = String(word.dropLast(ending.count))
            var bases = [stem, stem + "e"]
            if stem.hasSuffix("i") { bases.append(stem.dropLast() + "y") }
            if let last = stem.last, stem.dropLast().last == last { bases.append(String(stem.dropLast())) }
            for base in bases where try store.dictionaryKind(of: analyzer.stem(base)) != nil { return true }
        }
        return false
    }

    static func isMisspeltCommonWord(_ word: String) -> Bool {
        let bytes = Array(word.lowercased().utf8)
        guard bytes.count >= 4 else { return false }
        return commonWords.contains { EditDistance.between(bytes, $0, limit: 1) != nil }
    }

    /// Whether `word` is a stop or framing word with two adjacent letters swapped ("dose", "form" for
    /// "from"): a typing slip that may leave another English word, unlike other one-letter changes.
    static func isSwappedCommonWord(_ word: String) -> Bool {
        let bytes = Array(word.lowercased().utf8)
        guard bytes.count >= 3 else { return false }
        return commonWords.contains { common in
            guard common.count == bytes.count, common != bytes else { return false }
            let differing = bytes.indices.filter { bytes[$0] != common[$0] }
            return differing.count == 2 && differing[1] == differing[0] + 1
                && bytes[differing[0]] == common[differing[1]] && bytes[differing[1]] == common[differing[0]]
        }
    }

    /// The stop and framing words, as bytes.
    static let commonWords: [[UInt8]] = StopWords.english.union(QuestionWords.nonTopical).filter { $0.count >= 3 }.sorted().map { Array($0.utf8) }

    /// The spelling correction of the user's `term`, weighted down by its distance; nil when typo
    /// tolerance is off or no corpus term is close.
    func correction(of term: QueryTerm, amongNames: Bool) throws -> QueryTerm? {
        guard settings.typoTolerance, let correction = try closestTerm(to: term.term, amongNames: amongNames) else { return nil }
        let weight = term.weight * settings.correctionWeight * (correction.distance == 1 ? 1 : 0.75)
        return QueryTerm(term: correction.term, word: "\(term.word) → \(correction.term)", weight: weight, origin: .expansion, sources: [term.term])
    }

    /// The corpus term nearest to an unknown `term`: within 1 edit for short terms and 2 for long
    /// ones; for a name, the corpus's names within 2 edits (transliterations: "Kyiv" → "Kiev").
    func closestTerm(to term: String, amongNames: Bool) throws -> (term: String, distance: Int)? {
        let bytes = Array(term.utf8)
        guard bytes.count >= 4, let first = term.first else { return nil }
        let limit = bytes.count >= 7 || amongNames ? 2 : 1
        var best: (term: String, distance: Int, frequency: Int)?
        for candidate in try store.vocabulary(startingWith: String(first)) where !amongNames || candidate.isName {
            guard let distance = EditDistance.between(bytes, Array(candidate.term.utf8), limit: limit), distance > 0 else { continue }
            if best == nil || (distance, -candidate.documentFrequency, candidate.term) < (best?.distance ?? .max, -(best?.frequency ?? 0), best?.term ?? "") {
                best = (candidate.term, distance, candidate.documentFrequency)
            }
        }
        return best.map { ($0.term, $0.distance) }
    }
}
