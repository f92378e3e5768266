@testable import Retrieval
import Testing

@Suite struct FunctionWordSetTests {
    @Test func holdsEveryStopWord() {
        var set = FunctionWordSet()
        #expect(set.isEmpty)
        let chosen = [0, 1, 63, 64, 100, 127, 128, StopWords.ordered.count - 1]
        for index in chosen { set.insert(index) }
        #expect(set.indices == chosen)
        #expect(!set.contains(2) && set.contains(128))
        var other = FunctionWordSet()
        other.insert(64)
        other.insert(5)
        other.formUnion(set)
        #expect(other.indices == [0, 1, 5, 63, 64, 100, 127, 128, StopWords.ordered.count - 1])
    }

    @Test func theAnalyserReportsTheStopWordsItLeavesOut() {
        let analysis = Analyzer().analysis("Herself on the rock, and THE rock")
        #expect(analysis.tokens.map(\.term) == ["rock", "the", "rock"])
        #expect(analysis.tokens == Analyzer().tokens("Herself on the rock, and THE rock"))
        #expect(analysis.functionWords.indices.map { StopWords.ordered[$0] }.sorted() == ["and", "herself", "on", "the"])
        #expect(Analyzer().analysis("sanctions relief").functionWords.isEmpty)
        #expect(StopWords.ordered.count <= 3 * 64 && Set(StopWords.ordered) == StopWords.english)
    }
}
