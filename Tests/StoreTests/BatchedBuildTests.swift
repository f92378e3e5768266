import Corpus
import Foundation
import Retrieval
import Store
import Testing
import TestSupport

/// A corpus of `count` passages drawn from a small vocabulary with a fixed seed, several per expert and question.
func generatedCorpus(count: Int) -> LoadedCorpus {
    var generator = SplitMix(seed: 7)
    let words = ["tariff", "wheat", "sanctions", "Moscow", "pipeline", "grain", "oil", "Kremlin", "treaty", "missile",
                 "harvest", "export", "inflation", "rouble", "summit", "border", "nuclear-capable", "alliance", "drought", "price"]
    let experts = ["Ann Lee, economist", "Bo Chen", "Cara Diaz, analyst"]
    let passages = (0..<count).map { index in
        let length = 3 + Int(generator.next() % 25)
        let text = (0..<length).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ")
        let expert = Expert.parse(line: experts[index / 40 % experts.count])
        return Passage(id: "g\(index)", expert: expert.name, role: expert.role, question: "Question \(index / 3) about \(words[index % words.count])?",
                       text: text + ".", source: "gen\(index / 50).jsonl", ordinal: index + 1)
    }
    return LoadedCorpus(passages: passages, files: [], contentHash: "generated")
}

@Suite struct BatchedBuildTests {
    func expectStoreEqualsMemory(_ corpus: LoadedCorpus, runPostings: Int, analysisBatch: Int = 512,
                                 chunkLimit: Int = StoreBuilder().analysisChunkLimit) throws -> StoreBuilder.Summary {
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        var builder = StoreBuilder(runPostings: runPostings)
        builder.analysisBatch = analysisBatch
        builder.analysisChunkLimit = chunkLimit
        let summary = try builder.build(corpus, at: path, origin: "test")
        let store = try PassageStore(path: path)
        let memory = InMemoryIndex(passages: corpus.passages)
        var terms = 0
        for field in Field.allCases {
            for (term, list) in memory.lists[field] ?? [:] {
                #expect(try store.postingList(for: term, in: field) == list, "\(field) \(term)")
                terms += 1
            }
        }
        #expect(terms == summary.terms)
        for name in memory.names { #expect(try store.vocabulary(startingWith: name).first { $0.term == name }?.isName == true) }
        #expect(try store.experts() == corpus.experts)
        return summary
    }

    @Test func seedCorpusInTinyRunsEqualsTheInMemoryIndex() throws {
        let summary = try expectStoreEqualsMemory(try seedCorpus(), runPostings: 50)
        #expect(summary.runs > 3)
    }

    @Test(arguments: [1, 7, 100, 1_000_000])
    func generatedCorpusEqualsTheInMemoryIndexWhateverTheRunSize(runPostings: Int) throws {
        let summary = try expectStoreEqualsMemory(generatedCorpus(count: 300), runPostings: runPostings)
        #expect(summary.passages == 300)
        #expect((summary.runs > 1) == (runPostings < 1000))
    }

    @Test(arguments: [1, 3, 64, 10_000])
    func seedCorpusEqualsTheInMemoryIndexWhateverTheAnalysisBatch(analysisBatch: Int) throws {
        let summary = try expectStoreEqualsMemory(try seedCorpus(), runPostings: 1_000_000, analysisBatch: analysisBatch)
        #expect(summary.passages == (try seedCorpus()).passages.count)
    }

    /// Chunks forgotten and analysed again get the numbers they had: the store does not change.
    @Test(arguments: [1, 50])
    func seedCorpusEqualsTheInMemoryIndexWhateverTheChunkMemory(chunkLimit: Int) throws {
        _ = try expectStoreEqualsMemory(try seedCorpus(), runPostings: 1_000_000, analysisBatch: 3, chunkLimit: chunkLimit)
    }

    @Test func progressIsReportedForEveryPhase() throws {
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        var builder = StoreBuilder()
        builder.progressInterval = 0
        var reports: [BuildProgress] = []
        try builder.build(generatedCorpus(count: 600), at: path, origin: "test") { reports.append($0) }
        #expect(Set(reports.map(\.phase)) == [.reading, .weighing, .writing])
        let last = try #require(reports.last { $0.phase == .reading })
        #expect(last.passages == 600)
        #expect(last.line.contains("600 passages of 600 (100%)"))
        #expect(last.line.contains("passages/s"))
    }

    @Test func progressLineEstimatesTheTimeLeft() {
        let progress = BuildProgress(phase: .reading, passages: 250, total: nil, fraction: 0.25, elapsed: 10)
        #expect(progress.rate == 25)
        #expect(progress.remaining == 30)
        #expect(progress.line == "reading: 250 passages (25%), 25 passages/s, ETA 30 s")
    }
}
