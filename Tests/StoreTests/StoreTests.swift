import Bundled
import Corpus
import Foundation
import Retrieval
import Store
import Testing

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func seedCorpus() throws -> LoadedCorpus {
    try DocumentLoader().load([#require(BundledCorpus.url)])
}

@Suite struct StoreRoundTripTests {
    @Test func storeHoldsExactlyTheInMemoryIndex() throws {
        let corpus = try seedCorpus()
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        let summary = try StoreBuilder().build(corpus, at: path, origin: "test")
        #expect(summary.passages == 34)
        #expect(summary.experts == 3)
        let store = try PassageStore(path: path)
        let memory = InMemoryIndex(passages: corpus.passages)
        #expect(store.passageCount == 34)
        #expect(store.contentHash == corpus.contentHash)
        #expect(store.origin == "test")
        var terms = 0
        for field in Field.allCases {
            for (term, list) in memory.lists[field] ?? [:] {
                #expect(try store.postingList(for: term, in: field) == list)
                terms += 1
            }
        }
        #expect(terms == summary.terms)
        #expect(try store.postingList(for: "nonexistentterm", in: .text) == nil)
        for doc in 0..<Int32(34) {
            #expect(try store.passage(doc) == corpus.passages[Int(doc)])
        }
    }

    @Test func rankingFromStoreEqualsInMemoryRanking() throws {
        let corpus = try seedCorpus()
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(corpus, at: path, origin: "test")
        let store = try PassageStore(path: path)
        let memory = InMemoryIndex(passages: corpus.passages)
        for question in ["Why is Putin so eager to court Trump?", "sanctions relief", "North Korea missiles", "Syria Iran allies"] {
            let query = Query(text: question, analyzer: Analyzer())
            #expect(try Scorer().search(query, in: store, k: 10) == Scorer().search(query, in: memory, k: 10))
        }
    }

    @Test func expertsAreStoredWithCountsAndQuestions() throws {
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(try seedCorpus(), at: path, origin: "test")
        let experts = try PassageStore(path: path).experts()
        #expect(experts.map(\.expert.name) == ["Dmitri Trenin", "Alexander Gabuev", "Alexander Baunov"])
        #expect(experts.map(\.passages) == [10, 17, 7])
        #expect(experts.map(\.questions.count) == [5, 4, 2])
        #expect(try PassageStore(path: path).passages(ofExpert: "Alexander Baunov").count == 7)
    }

    @Test func postingCodecRoundTripsAndRejectsTruncation() {
        let postings = [0.5, 0.125, 1].enumerated().map { Posting(passage: [0, 300, 70_000][$0.offset], weight: WeightQuantization.quantised($0.element)) }
        let bytes = PostingCodec.encode(postings)
        #expect(bytes.withUnsafeBytes { PostingCodec.decode($0) } == postings)
        #expect(Array(bytes.dropLast()).withUnsafeBytes { PostingCodec.decode($0) } == nil)
        // With the count a store keeps beside the bytes: any other count is damage.
        #expect(bytes.withUnsafeBytes { PostingCodec.decode($0, count: 3) } == postings)
        for count in [0, 2, 4, 1_000] { #expect(bytes.withUnsafeBytes { PostingCodec.decode($0, count: count) } == nil) }
    }
}

@Suite struct StoreFailureTests {
    @Test func failedRebuildLeavesThePreviousStoreIntact() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("s.sqlite").path
        let corpus = try seedCorpus()
        try StoreBuilder().build(corpus, at: path, origin: "first")
        var broken = corpus
        broken.passages.append(corpus.passages[0])
        let error = try #require(throws: CorpusError.self) { try StoreBuilder().build(broken, at: path, origin: "second") }
        #expect(error.message.contains("two passages have the id \"carnegie-moscow-experts:1\""))
        let store = try PassageStore(path: path)
        #expect(store.origin == "first")
        #expect(store.passageCount == 34)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["s.sqlite"])
    }

    @Test func missingStoreSaysHowToBuildOne() throws {
        let path = try temporaryDirectory().appendingPathComponent("none.sqlite").path
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path) }
        #expect(error.code == .missing)
        #expect(error.message.contains("panelist index"))
    }

    @Test func garbageFileIsNotAStore() throws {
        let path = try temporaryDirectory().appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path) }
        #expect(error.code == .notAStore)
        #expect(error.message.contains("is a file that is not a Panelist store"))
        #expect(error.message.contains("--store NEW_PATH"))
    }

    @Test func foreignDatabaseIsNotAStore() throws {
        let path = try temporaryDirectory().appendingPathComponent("other.sqlite").path
        try Database(path: path, mode: .readWrite).execute("CREATE TABLE t(x); INSERT INTO t VALUES (1)")
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path) }
        #expect(error.code == .notAStore)
    }

    @Test func newerSchemaIsRefused() throws {
        let path = try temporaryDirectory().appendingPathComponent("new.sqlite").path
        try StoreBuilder().build(try seedCorpus(), at: path, origin: "test")
        try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = 99")
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path) }
        #expect(error.code == .newerVersion)
        #expect(error.message.contains("newer Panelist"))
    }

    @Test func truncatedStoreIsReportedAsDamaged() throws {
        let path = try temporaryDirectory().appendingPathComponent("cut.sqlite").path
        try StoreBuilder().build(try seedCorpus(), at: path, origin: "test")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count / 3).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: DatabaseError.self) {
            let store = try PassageStore(path: path)
            for doc in 0..<Int32(34) { _ = try store.passage(doc) }
            for term in ["russia", "sanction", "trump", "china", "syria"] { _ = try store.postingList(for: term, in: .text) }
        }
        #expect(error.code == .corrupt || error.code == .notAStore)
        #expect(error.message.contains("rebuild"))
    }
}

@Suite struct DefaultStoreTests {
    @Test func buildsOnFirstUseThenReusesAndRebuildsWhenTheCorpusChanges() throws {
        let path = try temporaryDirectory().appendingPathComponent("default.sqlite").path
        let defaultStore = DefaultStore(environment: ["PANELIST_STORE": path])
        #expect(defaultStore.path == path)
        #expect(try defaultStore.open().rebuilt)
        #expect(try !defaultStore.open().rebuilt)
        try Database(path: path, mode: .readWrite).execute("UPDATE meta SET value = 'stale' WHERE key = 'content_hash'")
        let reopened = try defaultStore.open()
        #expect(reopened.rebuilt)
        #expect(reopened.store.passageCount == 34)
    }

    @Test func rebuildsItsOwnStoreOfAnotherRecipe() throws {
        let path = try temporaryDirectory().appendingPathComponent("default.sqlite").path
        let defaultStore = DefaultStore(environment: ["PANELIST_STORE": path])
        #expect(try defaultStore.open().store.recipe == StoreMeta.currentRecipe)
        try Database(path: path, mode: .readWrite).execute("UPDATE meta SET value = 'older' WHERE key = 'recipe'")
        #expect(try defaultStore.open().rebuilt, "a store of another recipe")
        try Database(path: path, mode: .readWrite).execute("DELETE FROM meta WHERE key = 'recipe'")
        #expect(try defaultStore.open().rebuilt, "a store built before recipes")
        #expect(try !defaultStore.open().rebuilt)
    }

    /// The bundled lexicon when `StoreMeta.currentRecipe` was last bumped: a changed lexicon bumps the
    /// recipe, so that default stores built with the old one are rebuilt.
    @Test func aChangedLexiconBumpsTheRecipe() throws {
        let lexicon = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("store/lexicon.tsv")
        var hash = ContentHash()
        hash.update(fileNamed: "lexicon.tsv", contents: Array(try Data(contentsOf: lexicon)))
        #expect(StoreMeta.currentRecipe == "3" && hash.hexDigest == "d1c09cc29415d9c7",
                "store/lexicon.tsv changed: bump StoreMeta.currentRecipe, and record it and the lexicon's digest (\(hash.hexDigest)) here")
    }

    @Test func keepsAStoreIndexedFromOtherFiles() throws {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("default.sqlite").path
        let file = folder.appendingPathComponent("mine.md")
        try "# Why?\n\nBecause of tariffs.".write(to: file, atomically: true, encoding: .utf8)
        try StoreBuilder().build(try DocumentLoader().load([file]), at: path, origin: file.path)
        let opened = try DefaultStore(path: path).open()
        #expect(!opened.rebuilt)
        #expect(opened.store.passageCount == 1)
    }

    @Test func locationFollowsTheEnvironment() {
        #expect(DefaultStore(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path == "/x/cache/panelist/default.sqlite")
        #expect(DefaultStore(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/panelist/default.sqlite")
    }
}
