import Retrieval
import Testing

@Suite struct AnalysedLexiconTests {
    let analyzer = Analyzer()

    /// Every path of the narrowing: synonyms, aliases both ways, a phrase key with function words
    /// ("make up", "over"), related phrases that lose them ("kind of"), equal relations, prefixes
    /// added ("overlook") and removed ("misreading" → "read"), compounds and a word with no relations.
    static let lexicon = """
        penalty\tsyn:punishment:0.9|syn:sanction:0.5
        united states\talias:america:0.95|alias:us:0.9|syn:states:0.5
        make up\tsyn:compensate:0.9|syn:do:0.2
        make\tsyn:create:0.6
        rather\tsyn:kind of:0.5|syn:instead:0.4
        tehran\talias:capital of iran:0.57|alias:iran:0.57
        look\tsyn:regard:0.5
        reaction\tder:react:0.8|syn:response:0.7
        spark\tsyn:sparkle:0.77
        sparkle\tder:spark:0.77
        economy\tder:economic:0.8|syn:saving:0.4
        over\tsyn:higher:0.5
        misreading\tsyn:misinterpretation:0.7
        nuclear-capable\tder:nuclear:0.6
        afraid\t

        """

    /// The table as rows "key, term, weight, kind, word", in key order and each key's order.
    func rows(_ table: ExpansionTable) -> [String] {
        table.entries.sorted { $0.key < $1.key }.flatMap { key, entries in
            entries.map { "\(key)\t\($0.term)\t\($0.weight)\t\($0.kind.rawValue)\t\($0.word)" }
        }
    }

    /// One analysis of the lexicon narrowed to two corpora gives each the table the lexicon gave
    /// it when it was analysed for every corpus anew (the rows below).
    @Test func oneAnalysisNarrowsToEachCorpus() throws {
        let analysed = AnalysedLexicon(try Lexicon(text: Self.lexicon), analyzer: analyzer)
        let first = ExpansionTable(lexicon: analysed, vocabulary: ["sanction", "america", "unit", "state", "compens", "instead", "capit", "iran",
                                                                    "overlook", "regard", "overreact", "sparkl", "spark", "econom", "nuclear", "saver"])
        #expect(rows(first) == [
            "america\tstate\t0.95\talias\tunited states",
            "america\tunit\t0.95\talias\tunited states",
            "economi\teconom\t0.8\tder\teconomic",
            "look\toverlook\t0.6\tder\toverlook",
            "look\tregard\t0.5\tsyn\tregard",
            "make up\tcompens\t0.9\tsyn\tcompensate",
            "penalti\tsanction\t0.5\tsyn\tsanction",
            "rather\tinstead\t0.4\tsyn\tinstead",
            "reaction\toverreact\t0.8\tder\treact",
            "spark\tsparkl\t0.77\tder\tsparkle",
            "sparkl\tspark\t0.77\tder\tspark",
            "tehran\tcapit\t0.57\talias\tcapital of iran",
            "tehran\tiran\t0.57\talias\tiran",
            "unit state\tamerica\t0.95\talias\tamerica",
        ])
        let second = ExpansionTable(lexicon: analysed, vocabulary: ["punish", "us", "kind", "react", "look", "economi", "creat", "make", "respons",
                                                                     "higher", "read", "nuclear", "nuclearcap", "capabl", "save"])
        #expect(rows(second) == [
            "econom\teconomi\t0.8\tder\teconomy",
            "economi\tsave\t0.4\tsyn\tsaving",
            "make\tcreat\t0.6\tsyn\tcreate",
            "misread\tread\t0.6\tder\tread",
            "nuclear\tcapabl\t0.6\tder\tnuclear-capable",
            "nuclear\tnuclearcap\t0.6\tder\tnuclear-capable",
            "over\thigher\t0.5\tsyn\thigher",
            "penalti\tpunish\t0.9\tsyn\tpunishment",
            "reaction\treact\t0.8\tder\treact",
            "reaction\trespons\t0.7\tsyn\tresponse",
        ])
    }

    @Test func theDictionaryHoldsTheTermsOfSingleWordHeadwords() throws {
        let analysed = AnalysedLexicon(try Lexicon(text: Self.lexicon), analyzer: analyzer)
        #expect(analysed.dictionary.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.rawValue)" } == [
            "afraid:2", "capabl:0", "economi:0", "look:0", "make:0", "misread:0", "nuclear:0", "nuclearcap:0",
            "penalti:0", "rather:0", "reaction:0", "spark:0", "sparkl:0", "tehran:1",
        ])
    }

    @Test func aCompoundsFirstPartInOIsACombiningFormUnlessItIsAWord() throws {
        let lexicon = try Lexicon(text: """
            sino-tibetan\talias:sino-tibetan language:0.57
            serbo-croatian\t
            winston-salem\t
            bio-assay\t
            well-being\tsyn:wellbeing:0.9
            well\tsyn:good:0.5
            bio\t

            """)
        let dictionary = AnalysedLexicon(lexicon, analyzer: analyzer).dictionary
        #expect(dictionary["sino"] == .combiningForm && dictionary["serbo"] == .combiningForm)
        #expect(dictionary["winston"] != .combiningForm, "a name's first part, not in -o")
        #expect(dictionary["bio"] == .rare && dictionary["well"] == .word, "headwords of their own")
    }

    /// An archived analysis reads back as one that narrows every corpus as the original does and
    /// has the same dictionary.
    @Test func anArchiveReadsBackAsTheSameAnalysis() throws {
        let analysed = AnalysedLexicon(try Lexicon(text: Self.lexicon), analyzer: analyzer)
        let archive = analysed.archived()
        let read = try #require(archive.withUnsafeBytes { AnalysedLexicon(archive: $0, analyzer: analyzer) })
        for vocabulary: Set<String> in [["sanction", "america", "unit", "state", "compens", "overlook", "overreact", "sparkl", "capit", "iran"],
                                        ["punish", "us", "kind", "react", "look", "economi", "read", "nuclear", "nuclearcap", "capabl", "save"]] {
            #expect(rows(ExpansionTable(lexicon: read, vocabulary: vocabulary)) == rows(ExpansionTable(lexicon: analysed, vocabulary: vocabulary)))
        }
        #expect(read.dictionary == analysed.dictionary)
        #expect(read.archived() == archive)
    }

    /// Bytes cut short anywhere, or with more after the end, are no archive: nil, never a crash.
    @Test func aCutOrLengthenedArchiveIsRefused() throws {
        let archive = AnalysedLexicon(try Lexicon(text: Self.lexicon), analyzer: analyzer).archived()
        for length in 0..<archive.count {
            #expect(archive.prefix(length).withUnsafeBytes { AnalysedLexicon(archive: $0, analyzer: analyzer) } == nil)
        }
        #expect((archive + [0]).withUnsafeBytes { AnalysedLexicon(archive: $0, analyzer: analyzer) } == nil)
    }

    /// A count or number out of range — here the term count, set to the largest — is refused
    /// before anything is allocated for it.
    @Test func anArchiveWithANumberOutOfRangeIsRefused() throws {
        var archive = AnalysedLexicon(try Lexicon(text: Self.lexicon), analyzer: analyzer).archived()
        archive.replaceSubrange(0..<4, with: [255, 255, 255, 255])
        #expect(archive.withUnsafeBytes { AnalysedLexicon(archive: $0, analyzer: analyzer) } == nil)
    }
}
