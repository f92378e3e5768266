import Answering
import Retrieval
import Search
import Store
import Testing

@Suite struct QueryExpanderTests {
    let retriever: Retriever

    init() throws {
        retriever = try Retriever(store: PassageStore(path: SeedStore.path))
    }

    @Test func addsLexicalExpansionsTheCorpusUsesWithLowerWeight() throws {
        let query = try retriever.query(for: "Is the American leader constrained?")
        let expansions = query.terms.filter { $0.origin == .expansion }
        #expect(expansions.contains { $0.sources == ["american"] && $0.term == "america" })
        #expect(expansions.allSatisfy { $0.weight < 1 })
        #expect(query.terms.filter { $0.origin == .user }.allSatisfy { $0.weight == 1 })
    }

    @Test func correctsMisspellingsButNotRealWords() throws {
        let query = try retriever.query(for: "norht korea sanctoins")
        #expect(query.terms.contains { $0.term == "north" && $0.sources.contains("norht") })
        #expect(query.terms.contains { $0.term == "sanction" && $0.sources.contains("sanctoin") })
        let bake = try retriever.query(for: "bake bread")
        #expect(!bake.terms.contains { $0.origin == .expansion && $0.sources == ["bake"] })
    }

    @Test func matchesNameVariantsAndReportsUnknownNames() throws {
        let kyiv = try retriever.query(for: "What should Moscow and Kyiv do?")
        #expect(kyiv.terms.contains { $0.term == "kiev" })
        #expect(kyiv.unknownNames.isEmpty)
        let venezuela = try retriever.query(for: "What about Venezuela?")
        #expect(venezuela.unknownNames == ["Venezuela"])
    }

    @Test func termsOnlyAPhraseBroughtRememberThePhrase() throws {
        let survived = try retriever.query(for: "Has the Russian leadership survived the economic penalties?")
        #expect(survived.phrases["round"] == ["pull", "round"])
        // "Iran" is also an alias of Tehran on its own, so it needs no company.
        let tehran = try retriever.query(for: "Does Washington's hostility toward Tehran help Moscow?")
        #expect(tehran.terms.contains { $0.term == "iran" })
        #expect(tehran.phrases["iran"] == nil)
    }

    @Test func genericWordsWeighHalfBesideATopicalWord() throws {
        func weights(_ retriever: Retriever, _ question: String) throws -> [String: Double] {
            Dictionary(try retriever.query(for: question).terms.filter { $0.origin == .user }.map { ($0.word, $0.weight) }, uniquingKeysWith: max)
        }
        let question = "Will relations with China get worse soon?"
        let halved = try weights(retriever, question)
        #expect(halved["will"] == 0.5)
        #expect(halved["china"] == 1)
        // With nothing else to search for, they count fully.
        #expect(try weights(retriever, "What will they make?") == ["will": 1, "make": 1])
        var settings = RetrievalSettings()
        settings.genericWordWeight = 1
        #expect(try weights(Retriever(store: PassageStore(path: SeedStore.path), settings: settings), question)["will"] == 1)
        settings.genericWordWeight = 0
        #expect(try weights(Retriever(store: PassageStore(path: SeedStore.path), settings: settings), question)["will"] == nil)
    }

    @Test func aWordBringsOnlyItsStrongestRelatedWords() throws {
        let related = try retriever.store.expansions(for: "govern")
        var strongest: [String] = []
        for entry in related where !strongest.contains(entry.word) { strongest.append(entry.word) }
        #expect(strongest.count > RetrievalSettings().expansionsPerKey)
        func expansions(_ retriever: Retriever) throws -> Set<String> {
            Set(try retriever.query(for: "Does the government matter?").terms.filter { $0.origin == .expansion && $0.sources == ["govern"] }.map(\.term))
        }
        let kept = Set(related.filter { strongest.prefix(RetrievalSettings().expansionsPerKey).contains($0.word) }.map(\.term))
        #expect(try expansions(retriever) == kept)
        var settings = RetrievalSettings()
        settings.expansionsPerKey = .max
        #expect(try expansions(Retriever(store: PassageStore(path: SeedStore.path), settings: settings)) == Set(related.map(\.term)))
    }

    @Test func literalSettingsAddNothing() throws {
        var settings = RetrievalSettings()
        settings.lexicalExpansion = false
        settings.typoTolerance = false
        let literal = try Retriever(store: PassageStore(path: SeedStore.path), settings: settings)
        #expect(try literal.query(for: "norht America frontier").terms.allSatisfy { $0.origin == .user })
    }

    @Test func aWordOfAnExpandedPhraseIsNotExpandedOnItsOwn() throws {
        let letDown = try retriever.query(for: "Has Moscow been let down by the American president?")
        #expect(letDown.terms.contains { $0.term == "disappoint" && $0.sources == ["let", "down"] })
        #expect(!letDown.terms.contains { $0.origin == .expansion && $0.sources == ["let"] }, "“let” of “let down” is not “allow”")
        let letAlone = try retriever.query(for: "Will Moscow let Kiev sail under the bridge?")
        #expect(letAlone.terms.contains { $0.origin == .expansion && $0.sources == ["let"] }, "alone, “let” keeps its expansions")
    }

    @Test func editDistanceCountsTranspositions() {
        #expect(EditDistance.between(Array("norht".utf8), Array("north".utf8), limit: 2) == 1)
        #expect(EditDistance.between(Array("kyiv".utf8), Array("kiev".utf8), limit: 2) == 2)
        #expect(EditDistance.between(Array("bread".utf8), Array("trade".utf8), limit: 1) == nil)
    }
}

@Suite struct PhraseKeyTests {
    @Test func phrasesHoldAFunctionWordAndAnotherWord() throws {
        let expander = QueryExpander(store: try PassageStore(path: SeedStore.path))
        let surface = ExpansionTable.phraseAnalyzer.tokens("Could demand make up for lost business?")
        let keys = expander.phraseKeys(surface).map(\.key)
        #expect(keys.contains("make up"))
        #expect(keys.contains("make up for"))
        #expect(!keys.contains("up for"))
        #expect(!keys.contains("demand make"))
        #expect(keys.allSatisfy { $0.split(separator: " ").count <= ExpansionTable.longestPhrase })
    }
}
