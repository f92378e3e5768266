import Corpus
import Foundation
@testable import Retrieval
import Testing

/// Numbers from a fixed seed (a linear congruential generator): the same in every run.
private struct SeededNumbers {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33)
    }
}

/// MaxScore pruning returns exactly what scoring every posting returns.
@Suite struct MaxScoreTests {
    /// Scores every posting into a dictionary, as the scorer did before pruning.
    func exhaustive(_ plan: Scorer.Plan, k: Int, allowed: Set<Int32>?) -> [(score: Double, passage: Int32)] {
        var scores: [Int32: Double] = [:]
        for entry in plan.entries {
            for posting in entry.list.postings where allowed?.contains(posting.passage) ?? true {
                scores[posting.passage, default: 0] += entry.weight * Double(posting.weight)
            }
        }
        var top = TopK(k: k)
        for (passage, score) in scores where score > 0 { top.insert(score: score, passage: passage) }
        return top.sorted()
    }

    /// Passages with Zipf-like word choice over a few hundred words, duplicates included for ties.
    func corpus() -> [Passage] {
        var numbers = SeededNumbers(seed: 42)
        func next() -> Int { numbers.next() }
        let words = (0..<300).map { "w\($0)x" }
        var passages = (0..<1500).map { index in
            let length = 5 + next() % 40
            let text: [String] = (0..<length).map { _ in
                let share = Double(next() % 1000) / 1000
                return words[Int(Double(words.count) * share * share * share)]
            }
            return Passage(id: "p\(index)", expert: "", role: "", question: index % 4 == 0 ? text.prefix(3).joined(separator: " ") : "",
                           text: text.joined(separator: " "), source: "s\(index / 10)", ordinal: index)
        }
        passages += passages.prefix(50).enumerated().map { offset, passage in
            var copy = passage
            copy.id = "dup\(offset)"
            return copy
        }
        return passages
    }

    @Test func prunedRankingEqualsExhaustiveScoring() throws {
        let index = InMemoryIndex(passages: corpus())
        let scorer = Scorer()
        var numbers = SeededNumbers(seed: 9)
        func next() -> Int { numbers.next() }
        var checked = 0
        for _ in 0..<300 {
            let words = (0..<(1 + next() % 8)).map { _ in "w\(next() % 300)x" }
            let plan = try scorer.plan(Query(text: words.joined(separator: " "), analyzer: Analyzer()), in: index)
            for k in [1, 3, 10, 50] {
                let allowed: Set<Int32>? = next() % 4 == 0 ? Set((0..<600).map { _ in Int32(next() % 1550) }) : nil
                let pruned = scorer.rank(plan, k: k, allowed: allowed).map { "\($0.passage):\($0.score)" }
                let reference = exhaustive(plan, k: k, allowed: allowed).map { "\($0.passage):\($0.score)" }
                #expect(pruned == reference, "\(words) k=\(k)")
                // Windows of 64 passages: bounds, probes and cursors cross many windows.
                let windowed = MaxScore(lists: plan.entries.map(\.list.postings), weights: plan.entries.map(\.weight), windowShift: 6)
                    .top(k, allowed: allowed).sorted().map { "\($0.passage):\($0.score)" }
                #expect(windowed == reference, "\(words) k=\(k), windows of 64")
                checked += 1
            }
        }
        #expect(checked == 1200)
    }

    /// A bonus per passage (a search's stop words) ranks as if added to each found passage's score.
    @Test func aBonusRanksAsIfAddedToEveryFoundPassage() throws {
        let index = InMemoryIndex(passages: corpus())
        let scorer = Scorer()
        var numbers = SeededNumbers(seed: 5)
        func next() -> Int { numbers.next() }
        for _ in 0..<200 {
            let words = (0..<(1 + next() % 5)).map { _ in "w\(next() % 300)x" }
            let plan = try scorer.plan(Query(text: words.joined(separator: " "), analyzer: Analyzer()), in: index)
            let bound = Double(next() % 100) / 50
            let extra = (0..<1550).map { _ in Double(next() % 1000) / 1000 * bound }
            let bonus = Scorer.Bonus(bound: bound) { extra[Int($0)] }
            for k in [1, 10, 50] {
                var scores: [Int32: Double] = [:]
                for entry in plan.entries {
                    for posting in entry.list.postings { scores[posting.passage, default: 0] += entry.weight * Double(posting.weight) }
                }
                var reference = TopK(k: k)
                for (passage, score) in scores where score > 0 { reference.insert(score: score + extra[Int(passage)], passage: passage) }
                let expected = reference.sorted().map { "\($0.passage):\($0.score)" }
                #expect(scorer.rank(plan, k: k, bonus: bonus).map { "\($0.passage):\($0.score)" } == expected, "\(words) k=\(k)")
                let windowed = MaxScore(lists: plan.entries.map(\.list.postings), weights: plan.entries.map(\.weight), windowShift: 6)
                    .top(k, allowed: nil, bonus: bonus).sorted().map { "\($0.passage):\($0.score)" }
                #expect(windowed == expected, "\(words) k=\(k), windows of 64")
            }
        }
    }
}
