import Answering
import Retrieval
@testable import Search
import Testing

@Suite struct PhraseExpansionsTests {
    func contribution(_ term: String, _ word: String, _ field: Field = .text, origin: TermOrigin = .expansion, value: Double) -> Contribution {
        Contribution(term: term, word: word, field: field, origin: origin, queryWeight: value, passageWeight: 1, value: value)
    }

    var query: Query {
        var query = Query(terms: [
            QueryTerm(term: "survive", word: "survived", weight: 1),
            QueryTerm(term: "round", word: "survived → pull round", weight: 0.5, origin: .expansion, sources: ["surviv"]),
            QueryTerm(term: "pull", word: "survived → pull round", weight: 0.5, origin: .expansion, sources: ["surviv"]),
            QueryTerm(term: "korea", word: "pyongyang → capital of north korea", weight: 0.5, origin: .expansion, sources: ["pyongyang"]),
        ])
        query.phrases = ["round": ["pull", "round"], "pull": ["pull", "round"], "korea": ["capit", "north", "korea"]]
        return query
    }

    @Test func aPhraseFoundInPartIsTakenOutOfTheScore() {
        var hit = Hit(passage: 1, score: 0.5, contributions: [
            contribution("survive", "survived", origin: .user, value: 0.3),
            contribution("round", "survived → pull round", value: 0.2),
        ])
        PhraseExpansions.dropPartialMatches(of: query, from: &hit)
        #expect(hit.contributions.map { $0.term } == ["survive"])
        #expect(abs(hit.score - 0.3) < 1e-12)
    }

    @Test func aPhraseFoundWholeOrMostlyInOneFieldCounts() {
        var whole = Hit(passage: 1, score: 0.4, contributions: [
            contribution("round", "survived → pull round", value: 0.2),
            contribution("pull", "survived → pull round", value: 0.2),
        ])
        PhraseExpansions.dropPartialMatches(of: query, from: &whole)
        #expect(whole.contributions.count == 2 && whole.score == 0.4)
        // Two of "capital of north korea"'s three terms: "north" came from the user.
        var mostly = Hit(passage: 2, score: 0.3, contributions: [
            contribution("north", "north", origin: .user, value: 0.2),
            contribution("korea", "pyongyang → capital of north korea", value: 0.1),
        ])
        PhraseExpansions.dropPartialMatches(of: query, from: &mostly)
        #expect(mostly.contributions.count == 2 && mostly.score == 0.3)
    }

    @Test func theWordsMustBeInTheSameField() {
        var split = Hit(passage: 1, score: 0.4, contributions: [
            contribution("round", "survived → pull round", .question, value: 0.25),
            contribution("pull", "survived → pull round", .text, value: 0.15),
        ])
        PhraseExpansions.dropPartialMatches(of: query, from: &split)
        #expect(split.contributions.isEmpty)
        #expect(abs(split.score) < 1e-12)
    }
}
