import Bundled
import Corpus
import Foundation
@testable import Store
import Testing

/// Passages whose stored fields test the block layout: Unicode, empty fields, a text longer than a block.
func awkwardPassages() -> [Passage] {
    let texts = ["Путин и «санкции» — 制裁 🇷🇺👍🏽, e\u{301}té, ﬁn.", "", String(repeating: "A long answer about grain exports. ", count: 3_000), "x"]
    return texts.enumerated().map { index, text in
        Passage(id: "a\(index)", expert: index == 1 ? "" : "Анна Ли", role: index == 2 ? "" : "экономист 🎓", question: index == 3 ? "" : "Почему? ¿Por qué?",
                text: text, source: "dir/файл \(index).md", ordinal: [1, 0, -5, Int.max][index])
    }
}

@Suite struct PassageBlockTests {
    /// One decompressor for every read, as a store uses it.
    let decompressor = Zstd.Decompressor()

    @Test func roundTripsUnicodeEmptyAndLongFields() {
        let passages = awkwardPassages()
        var block = PassageBlock()
        for passage in passages { block.append(passage) }
        #expect(block.isFull)
        let stored = PassageBlock.compressor().compress(block.take())
        #expect(block.isEmpty)
        #expect(stored.count < passages.map(\.text.utf8.count).reduce(0, +) / 10)
        stored.withUnsafeBytes { bytes in
            for (index, passage) in passages.enumerated() {
                #expect(PassageBlock.passage(at: index, in: bytes, id: passage.id, expert: passage.expert, using: decompressor) == passage)
            }
            #expect(PassageBlock.passage(at: passages.count, in: bytes, id: "", expert: "", using: decompressor) == nil)
            #expect(PassageBlock.passage(at: -1, in: bytes, id: "", expert: "", using: decompressor) == nil)
        }
    }

    @Test func damagedBlocksAreRefused() {
        var block = PassageBlock()
        for passage in awkwardPassages() { block.append(passage) }
        let stored = PassageBlock.compressor().compress(block.take())
        var flipped = stored
        flipped[stored.count / 2] ^= 0x20
        // A frame header that declares 2^40 bytes of content: refused before anything is allocated.
        let huge: [UInt8] = [0x28, 0xb5, 0x2f, 0xfd, 0xe0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]
        for damaged in [flipped, Array(stored.dropLast(5)), Array(stored.prefix(3)), stored + [0], huge, [0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff, 0xff, 0x01, 0x78], []] {
            damaged.withUnsafeBytes { #expect(PassageBlock.passage(at: 0, in: $0, id: "a0", expert: "", using: decompressor) == nil) }
        }
    }
}

@Suite struct CompressedStoreTests {
    /// A store on disk of `awkwardPassages` among generated ones, so that it holds several blocks.
    func awkwardStore() throws -> (path: String, passages: [Passage]) {
        var corpus = generatedCorpus(count: 900)
        corpus.passages.insert(contentsOf: awkwardPassages(), at: 450)
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder().build(corpus, at: path, origin: "test")
        return (path, corpus.passages)
    }

    @Test func everyPassageReadsBackFromTheFile() throws {
        let (path, passages) = try awkwardStore()
        let store = try PassageStore(path: path)
        for (doc, passage) in passages.enumerated() {
            #expect(try store.passage(Int32(doc)) == passage)
        }
        let error = try #require(throws: DatabaseError.self) { try store.passage(Int32(passages.count)) }
        #expect(error.code == .corrupt)
    }

    @Test func passagesAreStoredInSeveralCompressedBlocks() throws {
        let (path, passages) = try awkwardStore()
        let database = try Database(path: path, mode: .readOnly)
        let statement = try database.statement("SELECT count(*), sum(length(block)), min(first_doc) FROM passage_blocks")
        #expect(try statement.step())
        #expect(statement.int(at: 0) > 3)
        #expect(statement.int(at: 1) < passages.map { $0.text.utf8.count + $0.question.utf8.count + $0.source.utf8.count }.reduce(0, +) / 2)
        #expect(statement.int(at: 2) == 0)
    }

    @Test func aDamagedBlockIsReportedAsDamagedNotCrashed() throws {
        let (path, passages) = try awkwardStore()
        let database = try Database(path: path, mode: .readWrite)
        let starts = try database.statement("SELECT first_doc FROM passage_blocks WHERE first_doc > 0 ORDER BY first_doc LIMIT 2")
        var damaged: [Int] = []
        while try starts.step() { damaged.append(starts.int(at: 0)) }
        // The first: four bytes in the middle overwritten; the second: cut short.
        try database.execute("""
            UPDATE passage_blocks SET block = CAST(substr(block, 1, length(block) / 2) || x'5a5a5a5a' || substr(block, length(block) / 2 + 5) AS BLOB)
            WHERE first_doc = \(damaged[0]);
            UPDATE passage_blocks SET block = substr(block, 1, 40) WHERE first_doc = \(damaged[1]);
            """)
        let store = try PassageStore(path: path)
        for doc in damaged {
            let error = try #require(throws: DatabaseError.self) { try store.passage(Int32(doc)) }
            #expect(error.code == .corrupt)
            #expect(error.message.contains("is damaged"))
            #expect(error.message.contains("rebuild it with `panelist index FILES… --store"))
            #expect(!error.message.contains("\n"))
        }
        #expect(try store.passage(0) == passages[0])
    }

    @Test func aStoreOfTheOlderSchemaIsRebuilt() throws {
        let path = try temporaryDirectory().appendingPathComponent("default.sqlite").path
        let defaultStore = DefaultStore(environment: ["PANELIST_STORE": path])
        #expect(try defaultStore.open().rebuilt)
        try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = 1")
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path) }
        #expect(error.message.contains("older schema (1)"))
        #expect(error.message.contains("rebuild"))
        let reopened = try defaultStore.open()
        #expect(reopened.rebuilt)
        #expect(try reopened.store.passage(0) == (try seedCorpus()).passages[0])
    }

    @Test func passagesOfAnExpertAreFoundThroughThePartialIndex() throws {
        let (path, passages) = try awkwardStore()
        let store = try PassageStore(path: path)
        let expected = Set(passages.indices.filter { passages[$0].expert == "Анна Ли" }.map(Int32.init))
        #expect(try store.passages(ofExpert: "Анна Ли") == expected)
        #expect(try store.passages(ofExpert: "").isEmpty)
        let plan = try Database(path: path, mode: .readOnly).statement("EXPLAIN QUERY PLAN SELECT doc FROM passages WHERE expert = ? AND expert != ''")
        var details: [String] = []
        while try plan.step() { details.append(plan.string(at: 3)) }
        #expect(details.contains { $0.contains("passages_by_expert") })
    }
}
