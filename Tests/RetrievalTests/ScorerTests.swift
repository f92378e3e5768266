import Corpus
import Retrieval
import Testing

@Suite struct ScorerTests {
    let index = InMemoryIndex(passages: [
        Passage(id: "a", expert: "Dmitri Trenin", role: "director", question: "What about arms control?", text: "The arms race is back.", source: "s", ordinal: 1),
        Passage(id: "b", expert: "Alexander Gabuev", role: "senior fellow", question: "What about China?", text: "China buys Russian oil.", source: "s", ordinal: 2),
        Passage(id: "c", expert: "Alexander Gabuev", role: "senior fellow", question: "What about sanctions?", text: "Sanctions will stay in place.", source: "s", ordinal: 3),
    ])

    @Test func questionAndExpertFieldsCount() throws {
        let byQuestion = try Scorer().search(Query(text: "arms control", analyzer: Analyzer()), in: index, k: 3)
        #expect(byQuestion.first?.passage == 0)
        let byExpert = try Scorer().search(Query(text: "Gabuev", analyzer: Analyzer()), in: index, k: 3, explain: true)
        #expect(Set(byExpert.map(\.passage)) == [1, 2])
        #expect(byExpert.first?.contributions.first?.field == .expert)
    }

    @Test func expansionsToVeryCommonTermsCountInTheQueryButAreNotRead() throws {
        let passages = (0..<1_200).map { number in
            Passage(id: "p\(number)", expert: "", role: "", question: "", text: number == 7 ? "common rare" : "common filler \(number)",
                    source: "s", ordinal: number)
        }
        let large = InMemoryIndex(passages: passages)
        #expect(Scorer.expansionFrequencyLimit(passageCount: large.passageCount) == 100)
        var query = Query(text: "rare", analyzer: Analyzer())
        query.merge([QueryTerm(term: "common", word: "rare → common", weight: 0.5, origin: .expansion, sources: ["rare"])])
        let plan = try Scorer().plan(query, in: large)
        #expect(!plan.entries.contains { $0.term.term == "common" })
        #expect((plan.textVector["common"] ?? 0) > 0)
        // On a small corpus the same expansion is read.
        var small = Query(text: "arms", analyzer: Analyzer())
        small.merge([QueryTerm(term: "china", word: "arms → china", weight: 0.5, origin: .expansion, sources: ["arm"])])
        #expect(try Scorer().plan(small, in: index).entries.contains { $0.term.term == "china" })
    }

    @Test func anExpansionNeverOutweighsTheWordItStandsFor() throws {
        // "filler" is in every passage but one, "rare" in one: as an expansion of "filler", "rare"
        // weighs by filler's IDF, so the passage with the typed word and the one with its stand-in
        // (same length) score alike instead of the stand-in winning on its rarity.
        let passages = (0..<20).map { number in
            Passage(id: "p\(number)", expert: "", role: "", question: "", text: number == 0 ? "rare topic" : "filler topic\(number)",
                    source: "s", ordinal: number)
        }
        let index = InMemoryIndex(passages: passages)
        var query = Query(text: "filler", analyzer: Analyzer())
        query.merge([QueryTerm(term: "rare", word: "filler → rare", weight: 1, origin: .expansion, sources: ["filler"])])
        let plan = try Scorer().plan(query, in: index)
        let weight = { (term: String) in plan.entries.first { $0.term.term == term && $0.field == .text }?.weight }
        #expect(weight("rare") == weight("filler"))
        let hits = try Scorer().search(query, in: index, k: 20)
        #expect(abs(hits[0].score - hits[1].score) < 1e-9)
        // Typed, the rare word weighs by its own IDF.
        let typed = try Scorer().plan(Query(text: "filler rare", analyzer: Analyzer()), in: index)
        #expect((typed.entries.first { $0.term.term == "rare" }?.weight ?? 0) > (typed.entries.first { $0.term.term == "filler" }?.weight ?? 0))
    }

    @Test func restrictsToAllowedPassages() throws {
        let hits = try Scorer().search(Query(text: "China sanctions arms", analyzer: Analyzer()), in: index, k: 3, allowed: [2])
        #expect(hits.map(\.passage) == [2])
    }

    @Test func unknownAndEmptyQueriesFindNothing() throws {
        #expect(try Scorer().search(Query(text: "banana bread", analyzer: Analyzer()), in: index, k: 3).isEmpty)
        #expect(Query(text: "what is the", analyzer: Analyzer()).isEmpty)
    }

    @Test func topKKeepsTheBestInOrderWithStableTies() {
        var top = TopK(k: 3)
        for (score, passage) in [(0.5, 4), (0.9, 1), (0.1, 2), (0.5, 3), (0.7, 9)] {
            top.insert(score: score, passage: Int32(passage))
        }
        #expect(top.sorted().map(\.passage) == [1, 9, 3])
        #expect(top.threshold == 0.5)
    }
}
