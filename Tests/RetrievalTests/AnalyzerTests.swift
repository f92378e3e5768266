import Retrieval
import Testing

@Suite struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test func foldsCaseAndDiacritics() {
        #expect(analyzer.terms("Übersee CAFÉ") == ["uberse", "cafe"])
    }

    @Test func dropsPossessivesWithEitherApostrophe() {
        #expect(analyzer.terms("Russia’s") == ["russia"])
        #expect(analyzer.terms("Russia's") == ["russia"])
        #expect(analyzer.terms("the countries’ border") == ["countri", "border"])
    }

    @Test func keepsDottedAbbreviationsAsOneTerm() {
        #expect(analyzer.terms("the U.S. president") == ["us", "presid"])
        #expect(analyzer.terms("U.S.-led order") == ["us", "led", "usl", "order"])
        #expect(analyzer.terms("sanctions on the US") == ["sanction", "us"])
        #expect(analyzer.terms("tell us more") == ["tell"])
    }

    @Test func splitsAndJoinsCompounds() {
        #expect(analyzer.terms("nuclear-capable") == ["nuclear", "capabl", "nuclearcap"])
        #expect(analyzer.terms("post–Cold War") == ["post", "cold", "postcold", "war"])
        #expect(analyzer.terms("understanding—i.e., respect") == ["understand", "ie", "respect"])
    }

    @Test func keepsNumbersWithSeparators() {
        #expect(analyzer.terms("the 4,200-kilometer border in 1987") == ["4200", "kilomet", "border", "1987"])
        #expect(analyzer.terms("2.5 percent") == ["2.5", "percent"])
    }

    @Test func dropsStopWordsAndStems() {
        #expect(analyzer.terms("What does the Kremlin think about the sanctions?") == ["kremlin", "think", "sanction"])
        #expect(analyzer.terms("the of and is").isEmpty)
        #expect(analyzer.terms("").isEmpty)
    }

    @Test func tokensKeepFoldedWordsAndPositions() {
        let tokens = analyzer.tokens("Sanctions hurt the economy")
        #expect(tokens.map(\.word) == ["sanctions", "hurt", "economy"])
        #expect(tokens.map(\.position) == [1, 2, 4])
    }

    /// `AnalysedLexicon` analyses a headword again with its function words only when it has fewer
    /// terms than `mostTerms`: no analyser may give more.
    @Test(arguments: ["make up for", "up-to-date", "U.S. and the U.K.", "it's", "Übersee café", "4,200 – 5,000", "nuclear–capable",
                      "the", "a-b-c-d", "kind of", "o'clock", "...", ""])
    func noAnalyserGivesMoreThanTheMostTerms(text: String) {
        let most = Analyzer.mostTerms(in: text)
        #expect(analyzer.terms(text).count <= most)
        #expect(ExpansionTable.phraseAnalyzer.terms(text).count <= most)
    }

    /// A lower-case word takes a shorter way to its terms: the same as its tokens'.
    @Test(arguments: ["sanctions", "the", "running", "us", "it", "a", "generously", "economy", "nuclearcapable", "z"])
    func aLowerCaseWordHasTheTermsOfItsTokens(word: String) {
        #expect(analyzer.terms(word) == analyzer.tokens(word).map(\.term))
        #expect(ExpansionTable.phraseAnalyzer.terms(word) == ExpansionTable.phraseAnalyzer.tokens(word).map(\.term))
    }
}
