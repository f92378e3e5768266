import Retrieval
import Testing

extension ExpansionTable {
    /// The table of a lexicon analysed here, as a store build makes it in two steps.
    init(lexicon: Lexicon, vocabulary: Set<String>, analyzer: Analyzer) {
        self.init(lexicon: AnalysedLexicon(lexicon, analyzer: analyzer), vocabulary: vocabulary)
    }
}

@Suite struct ExpansionTableTests {
    let analyzer = Analyzer()

    func table(_ text: String, vocabulary: [String]) throws -> ExpansionTable {
        ExpansionTable(lexicon: try Lexicon(text: text), vocabulary: Set(vocabulary), analyzer: analyzer)
    }

    @Test func keepsOnlyRelationsThatLeadToTheCorpus() throws {
        let table = try table("penalty\tsyn:punishment:0.9|syn:sanction:0.5\nunited states\talias:america:0.95\n",
                              vocabulary: ["sanction", "america", "unit", "state"])
        #expect(table.entries["penalti"]?.map(\.term) == ["sanction"])
        #expect(table.entries["unit state"]?.map(\.term) == ["america"])
        // Aliases also lead back, from every term of the related word to the headword's terms.
        #expect(table.entries["america"]?.map(\.term).sorted() == ["state", "unit"])
    }

    @Test func phrasesWithFunctionWordsAreKeyedByAllTheirWords() throws {
        let table = try table("make up\tsyn:compensate:0.9\nmake\tsyn:create:0.6\n", vocabulary: ["compens", "creat", "make"])
        #expect(table.entries["make up"]?.map(\.term) == ["compens"])
        #expect(table.entries["make"]?.map(\.term) == ["creat"])
        #expect(ExpansionTable.phraseAnalyzer.terms("make up for") == ["make", "up", "for"])
    }

    @Test func relatedPhrasesThatLoseFunctionWordsAreDropped() throws {
        let table = try table("rather\tsyn:kind of:0.5|syn:instead:0.4\nleave\tsyn:go out:0.3|syn:exit:0.3\n",
                              vocabulary: ["kind", "instead", "go", "exit"])
        #expect(table.entries["rather"]?.map(\.term) == ["instead"])
        #expect(table.entries["leav"]?.map(\.term) == ["exit"])
    }

    @Test func betweenEqualRelationsTheSingleWordWins() throws {
        // "capital of iran" sorts before "iran", but the term should stand alone, not as part of a phrase.
        let equal = try table("tehran\talias:capital of iran:0.57|alias:iran:0.57\n", vocabulary: ["capit", "iran"])
        let iran = try #require(equal.entries["tehran"]?.first { $0.term == "iran" })
        #expect(iran.word == "iran")
        #expect(equal.entries["tehran"]?.first { $0.term == "capit" }?.word == "capital of iran")
        // A stronger phrase still wins over a weaker single word.
        let stronger = try self.table("tehran\talias:capital of iran:0.6|alias:iran:0.5\n", vocabulary: ["capit", "iran"])
        #expect(stronger.entries["tehran"]?.first { $0.term == "iran" }?.word == "capital of iran")
    }

    @Test func affixVariantsAreTriedInTheOrderOfThePrefixList() throws {
        // Both "overlook" and "unlook" fit "look"; the choice must not depend on the vocabulary's hash order.
        for _ in 0..<5 {
            let table = try table("look\tsyn:regard:0.5\n", vocabulary: ["unlook", "overlook", "regard"])
            #expect(table.entries["look"]?.map(\.term).contains("overlook") == true)
            #expect(table.entries["look"]?.map(\.term).contains("unlook") == false)
        }
    }

    /// "spark" is a synonym of "sparkle", and "sparkle" a derived form of "spark", equally strong: the
    /// key `spark` gets the term `sparkl` from both, and which kind the table keeps must not depend
    /// on the order the lexicon's headwords are read in (a dictionary's, which changes from process
    /// to process and from instance to instance), or two builds of one corpus differ.
    @Test func betweenRelationsThatDifferOnlyInKindTheChoiceDoesNotDependOnOrder() throws {
        var kinds: Set<String> = []
        var lexicons: [Lexicon] = []
        for round in 0..<40 {
            let lines = ["spark\tsyn:sparkle:0.77", "sparkle\tder:spark:0.77", "flame\tsyn:blaze:0.5", "glow\tsyn:shine:0.5"]
            let lexicon = try Lexicon(text: (round % 2 == 0 ? lines : lines.reversed()).joined(separator: "\n") + "\n")
            let table = ExpansionTable(lexicon: lexicon, vocabulary: ["spark", "sparkl", "blaze", "shine"], analyzer: analyzer)
            let entry = try #require(table.entries["spark"]?.first { $0.term == "sparkl" })
            kinds.insert(entry.kind.rawValue)
            lexicons.append(lexicon)
        }
        #expect(kinds.count == 1)
        #expect(lexicons.count == 40)
    }
}
