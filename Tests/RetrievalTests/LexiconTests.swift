import Foundation
import Testing

import Retrieval

@Suite struct LexiconTests {
    /// `store/lexicon.tsv` of the package, found from this file's path.
    static let tableURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("store/lexicon.tsv")

    /// The real table, loaded once for all tests.
    static let table: Lexicon = {
        do {
            return try Lexicon(contentsOf: tableURL)
        } catch {
            fatalError("cannot load \(tableURL.path): \(error)")
        }
    }()

    private func words(_ word: String, _ kind: Lexicon.Kind? = nil) -> [String] {
        Self.table.related(to: word).filter { kind == nil || $0.kind == kind }.map(\.word)
    }

    private func weight(_ word: String, _ related: String) -> Double? {
        Self.table.related(to: word).first { $0.word == related }?.weight
    }

    // MARK: - Inline text

    @Test func parsesInlineText() throws {
        let text = """
            # comment line
            america\talias:united states:0.95|der:american:0.80|alias:u.s.:0.56

            economic\tder:economy:0.81|syn:economical:0.54\r
            worse\tlemma:bad:1
            """
        let lexicon = try Lexicon(text: text)
        #expect(lexicon.headwordCount == 3)
        #expect(
            lexicon.related(to: "america") == [
                .init(word: "united states", kind: .alias, weight: 0.95),
                .init(word: "american", kind: .derived, weight: 0.80),
                .init(word: "u.s.", kind: .alias, weight: 0.56),
            ])
        #expect(lexicon.related(to: "economic").map(\.word) == ["economy", "economical"])
        #expect(lexicon.related(to: "economic").last?.kind == .synonym)
        #expect(lexicon.related(to: "worse") == [.init(word: "bad", kind: .lemma, weight: 1.0)])
    }

    @Test func lookupIsCaseInsensitive() throws {
        let lexicon = try Lexicon(text: "united states\talias:america:0.95\n")
        #expect(lexicon.related(to: "United States").map(\.word) == ["america"])
        #expect(lexicon.related(to: "UNITED STATES").count == 1)
    }

    @Test func unknownWordHasNoRelations() throws {
        let lexicon = try Lexicon(text: "economy\tder:economic:0.80\n")
        #expect(lexicon.related(to: "zyzzyva-unknown").isEmpty)
        #expect(lexicon.related(to: "").isEmpty)
        #expect(Self.table.related(to: "qwertyuiop").isEmpty)
    }

    @Test func aWordWithNoRelationsIsKnownButExpandsToNothing() throws {
        let lexicon = try Lexicon(text: "afraid\t\neconomy\tder:economic:0.80\n")
        #expect(lexicon.headwordCount == 2)
        #expect(lexicon.related(to: "afraid").isEmpty)
        #expect(lexicon.related(to: "economy").count == 1)
        #expect(AnalysedLexicon(lexicon, analyzer: Analyzer()).dictionary["afraid"] == .rare)
    }

    @Test func emptyTextIsAnEmptyLexicon() throws {
        let lexicon = try Lexicon(text: "# only a comment\n\n")
        #expect(lexicon.headwordCount == 0)
        #expect(lexicon.related(to: "anything").isEmpty)
    }

    @Test(arguments: [
        ("economy der:economic:0.80", 2, "missing tab"),
        ("\tder:economic:0.80", 2, "empty headword"),
        ("Economy\tder:economic:0.80", 2, "not lower-case"),
        ("economy\tder:economic", 2, "not kind:word:weight"),
        ("economy\thyp:economic:0.80", 2, "unknown relation kind \"hyp\""),
        ("economy\tder::0.80", 2, "empty related word"),
        ("economy\tder:economic:1.50", 2, "not a number in (0, 1]"),
        ("economy\tder:economic:0", 2, "not a number in (0, 1]"),
        ("economy\tder:economic:x", 2, "not a number in (0, 1]"),
        ("economy\tder:economic:0.80|", 2, "not kind:word:weight"),
        ("america\talias:usa:0.81", 2, "duplicate headword \"america\""),
    ])
    func malformedLineThrowsWithLineNumber(line: String, number: Int, reason: String) {
        let text = "america\talias:usa:0.81\n" + line + "\nworse\tlemma:bad:1.00\n"
        do {
            _ = try Lexicon(text: text)
            Issue.record("expected a parse error for \(line.debugDescription)")
        } catch let error as Lexicon.ParseError {
            #expect(error.line == number)
            #expect(error.reason.contains(reason))
            #expect(error.description.hasPrefix("lexicon line \(number): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func lineNumbersCountCommentsAndBlankLines() {
        let text = "# header\n\neconomy\tder:economic:0.80\n# more\nbroken line\n"
        #expect(throws: Lexicon.ParseError(line: 5, reason: "missing tab between headword and relations")) {
            try Lexicon(text: text)
        }
    }

    @Test func missingFileThrows() {
        let url = URL(fileURLWithPath: "/nonexistent/lexicon.tsv")
        #expect(throws: (any Error).self) { try Lexicon(contentsOf: url) }
    }

    // MARK: - The real table

    @Test func realTableLoads() throws {
        #expect(try Lexicon(contentsOf: Self.tableURL).headwordCount > 40_000)
    }

    @Test func relationsAreSortedAndWeighted() {
        for word in ["america", "economy", "trust", "court", "profit", "show"] {
            let relations = Self.table.related(to: word)
            #expect(!relations.isEmpty)
            #expect(relations.count <= 12)
            #expect(relations.allSatisfy { $0.weight > 0 && $0.weight <= 1 })
            #expect(relations.map(\.weight) == relations.map(\.weight).sorted(by: >))
            #expect(!relations.contains { $0.word == word })
        }
    }

    @Test func americaAndUnitedStatesAreAliases() {
        #expect(words("america", .alias).prefix(2).contains("united states"))
        #expect(words("america", .alias).contains("usa"))
        #expect(words("america", .alias).contains("u.s."))
        #expect(words("America").contains("united states"))
        #expect(words("united states", .alias).first == "america")
        #expect(words("united states", .alias).contains("u.s."))
        #expect(words("u.s.", .alias).contains("united states"))
        #expect(words("usa", .alias).contains("united states"))
        #expect(words("uk", .alias).contains("united kingdom"))
        #expect(words("america", .derived).contains("american"))
    }

    @Test func aWordDerivedFromANameStandsForTheNamesOtherNames() {
        #expect(words("american", .derived).prefix(3) == ["america", "united states", "united states of america"])
        #expect(words("american", .derived).contains("u.s."))
        #expect(words("syrian", .derived).contains("syrian arab republic"))
        #expect(!words("iran", .derived).contains("persian"), "a name with other names of its own inherits none")
        #expect(words("american", .alias).isEmpty, "inherited as derived forms, not as aliases")
    }

    @Test func functionWordsAreNotExpanded() {
        // WordNet lists "US" (United States), "IN" (Indiana) and "IT"
        // (information technology); lower-cased they are function words.
        for word in ["us", "in", "it", "can", "will"] {
            #expect(Self.table.related(to: word).isEmpty)
        }
        #expect(!words("united states").contains("us"))
    }

    @Test func economicAndEconomyAreDerived() {
        #expect(words("economic").first == "economy")
        #expect(words("economic", .derived).contains("economy"))
        #expect(words("economy", .derived).contains("economic"))
    }

    @Test func borderButNotFrontier() {
        // WordNet has "border" in the synsets {boundary line, border,
        // borderline, delimitation, mete}, {margin, border, perimeter} and
        // {edge, border}, but every sense of "frontier" is a one-word synset
        // without derivations: frontier and border are only sisters under
        // "boundary", so the table cannot relate them.
        let border = words("border", .synonym)
        #expect(border.contains("boundary line"))
        #expect(border.contains("margin"))
        #expect(border.contains("edge"))
        #expect(Self.table.related(to: "frontier").isEmpty)
    }

    @Test func deteriorateAndWorsen() {
        #expect(words("deteriorate", .derived).contains("deterioration"))
        #expect(words("deteriorate", .synonym).contains("degenerate"))
        #expect(words("deterioration", .synonym).contains("worsening"))
        #expect(words("worsen", .synonym).first == "decline")
        #expect(words("decline", .synonym).first == "worsen")
        #expect(words("worse", .lemma) == ["bad"])
    }

    @Test func trust() {
        #expect(words("trust", .synonym).first == "rely")
        #expect(words("trust", .derived).contains("trusty"))
        #expect(words("trustworthy", .derived).contains("trustworthiness"))
        // Weak senses are kept low: "trust" is also in {trust, swear, rely,
        // bank}, but that sense of "bank" is too rare to be an expansion.
        #expect(!words("trust").contains("bank"))
    }

    @Test func profitAndBenefit() {
        #expect(words("profit", .synonym).contains("benefit"))
        #expect(words("profit", .synonym).contains("earnings"))
        #expect(words("benefit", .synonym).contains("profit"))
        #expect(words("profits", .synonym).contains("profit"))
        #expect(words("benefit", .derived).contains("beneficial"))
    }

    @Test func courtPrefersItsDominantSense() throws {
        // Sense 1 of "court" ({court, tribunal, judicature}, 42 of 57 SemCor
        // tags) outranks the rare verb sense "woo".
        let court = Self.table.related(to: "court")
        #expect(court.first?.word == "tribunal")
        let woo = try #require(court.first { $0.word == "woo" })
        #expect(woo.weight < 0.5)
    }

    @Test func irregularFormsPointToTheirLemma() {
        #expect(Self.table.related(to: "children") == [.init(word: "child", kind: .lemma, weight: 1.0)])
        #expect(words("found").first == "find")
        #expect(words("better", .lemma).contains("good"))
    }
}
