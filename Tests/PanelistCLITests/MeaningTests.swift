import Encoder
import Foundation
import Testing

/// Matching by meaning through the real binary and the real model (fetched by `make test`): vectors
/// in the store, hybrid ranking explained, entity-safe declines, and the two written question sets.
@Suite struct MeaningTests {
    static let modelDirectory = ModelFiles.locate().directory

    /// The model, and a cache of this binary's own: a default store built with vectors here must not
    /// be the one the other suites share (they run without the model).
    static func model(_ binary: PanelistBinary) -> [String: String] {
        ["PANELIST_MODEL_DIR": modelDirectory, "XDG_CACHE_HOME": binary.home.appendingPathComponent("cache").path]
    }
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("store/carnegie-moscow-experts.txt").path

    /// `eval --json`'s overall figures.
    struct EvalJSON: Decodable {
        struct Overall: Decodable {
            var hit_at_3: Double?
            var false_abstention: Double?
            var abstention: Double?
        }
        var overall: Overall
    }

    /// A store of the bundled corpus built with `--semantic MODE`.
    func store(_ binary: PanelistBinary, semantic: String, environment: [String: String]? = nil) throws -> (path: String, run: PanelistBinary.Run) {
        let environment = environment ?? Self.model(binary)
        let path = binary.home.appendingPathComponent("meaning-\(semantic).sqlite").path
        return (path, try binary.run(["index", Self.corpus, "--store", path, "--semantic", semantic], environment: environment))
    }

    @Test func aStoreWithVectorsExplainsBothPartsOfEveryScore() throws {
        let binary = try PanelistBinary()
        let (path, built) = try store(binary, semantic: "on")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("34 passages") && built.stdout.contains("34 vectors"), "\(built.stdout) \(built.stderr)")
        let search = try binary.run(["search", "Has the Russian leadership survived the economic penalties?", "--store", path, "--json", "--explain"], environment: Self.model(binary))
        let passages = try PanelistBinary.decode(SearchJSON.self, from: search).passages
        #expect(passages.count == 5)
        #expect(passages.allSatisfy { ($0.similarity ?? -2) > -1 && $0.lexical_score != nil })
        #expect(passages.prefix(3).contains { $0.text.contains("managed to weather the sanctions") })
        let text = try binary.run(["search", "penalties", "--store", path, "--explain", "--k", "1"], environment: Self.model(binary))
        #expect(text.stdout.contains("= words ") && text.stdout.contains(", meaning ") && text.stdout.contains("fused into"))
    }

    @Test func offBuildsAStoreByWordsAndOnWithoutTheModelIsAnError() throws {
        let binary = try PanelistBinary()
        let (path, built) = try store(binary, semantic: "off")
        #expect(built.status == 0 && !built.stdout.contains("vectors"))
        let search = try binary.run(["search", "sanctions", "--store", path, "--json", "--explain"], environment: Self.model(binary))
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.allSatisfy { $0.similarity == nil })
        let missing = ["PANELIST_MODEL_DIR": binary.home.appendingPathComponent("no-model").path]
        let refused = try store(binary, semantic: "on", environment: missing).run
        #expect(refused.status != 0)
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(refused.stderr.contains("scripts/fetch-model.sh"))
        let auto = try store(binary, semantic: "auto", environment: missing).run
        #expect(auto.status == 0)
        #expect(auto.stdout.contains("(no vectors: "))
    }

    @Test func vectorsOfAnotherEncoderAreNeverMixed() throws {
        let binary = try PanelistBinary()
        let (path, _) = try store(binary, semantic: "on")
        let relabel = Process()
        relabel.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        relabel.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE meta SET value='other-model@sha256:0' WHERE key='encoder'\"); c.commit()", path]
        try relabel.run()
        relabel.waitUntilExit()
        let search = try binary.run(["search", "sanctions", "--store", path, "--json", "--explain"], environment: Self.model(binary))
        #expect(search.status == 0)
        #expect(search.stderr.contains("Matching by meaning is off: the store's vectors were made by other-model@sha256:0"))
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.allSatisfy { $0.similarity == nil })
    }

    @Test func aQuestionAboutAPlaceTheCorpusNeverMentionsPointsToTheNearestPassage() throws {
        let binary = try PanelistBinary()
        let ask = try binary.run(["ask", "What does the Kremlin think about Japan?", "--json"], environment: Self.model(binary))
        let answer = try PanelistBinary.decode(AskJSON.self, from: ask)
        #expect(answer.abstained)
        #expect(answer.notice?.contains("the corpus never mentions Japan; the nearest passage answers “") == true)
    }

    @Test func anOffTopicQuestionAfterAnAnsweredOneIsStillDeclined() throws {
        let binary = try PanelistBinary()
        let run = try binary.run(["chat", "--json", "--no-log"], input: "Will anyone be blamed for the treaty collapse?\nWhat is the recipe for banana bread?\n",
                                 environment: Self.model(binary))
        let turns = try run.stdout.split(separator: "\n").map { try JSONDecoder().decode(AskJSON.self, from: Data($0.utf8)) }
        #expect(turns.count == 2)
        #expect(!turns[0].abstained && turns[1].abstained, "the first question's meaning must not carry the second")
    }

    @Test func nearScopeQuestionsAreDeclinedAndParaphrasesThatNeedMeaningAreAnswered() throws {
        let binary = try PanelistBinary()
        let near = try binary.run(["eval", Self.repository.appendingPathComponent("docs/eval/near-scope.jsonl").path, "--json"], environment: Self.model(binary))
        #expect(try PanelistBinary.decode(EvalJSON.self, from: near).overall.abstention ?? 0 >= 0.95)
        let meaning = try binary.run(["eval", Self.repository.appendingPathComponent("docs/eval/meaning.jsonl").path, "--json"], environment: Self.model(binary))
        let figures = try PanelistBinary.decode(EvalJSON.self, from: meaning).overall
        #expect(figures.false_abstention == 0)
        #expect(figures.hit_at_3 ?? 0 >= 0.85)
        let lexical = try binary.run(["eval", Self.repository.appendingPathComponent("docs/eval/meaning.jsonl").path, "--json"])
        #expect(try PanelistBinary.decode(EvalJSON.self, from: lexical).overall.hit_at_3 ?? 1 < figures.hit_at_3 ?? 0, "meaning beats words alone on these")
    }
}
