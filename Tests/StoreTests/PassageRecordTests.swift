import Bundled
import Corpus
import Foundation
@testable import Store
import Testing

/// Passages whose stored fields test the record layout: Unicode, empty fields, a text of ~100 KB.
func awkwardPassages() -> [Passage] {
    let texts = ["Путин и «санкции» — 制裁 🇷🇺👍🏽, e\u{301}té, ﬁn.", "", String(repeating: "A long answer about grain exports. ", count: 3_000), "x"]
    return texts.enumerated().map { index, text in
        Passage(id: "a\(index)", expert: index == 1 ? "" : "Анна Ли", role: index == 2 ? "" : "экономист 🎓", question: index == 3 ? "" : "Почему? ¿Por qué?",
                text: text, source: "dir/файл \(index).md", ordinal: [1, 0, -5, Int.max][index])
    }
}

@Suite struct PassageRecordTests {
    /// The packed records of generated passages, to train a dictionary on.
    func samples() -> [[UInt8]] {
        generatedCorpus(count: 900).passages.map(PassageRecord.pack)
    }

    @Test func roundTripsUnicodeEmptyAndLongFieldsWithOrWithoutADictionary() throws {
        let dictionary = try #require(Zstd.dictionary(trainedOn: samples(), capacity: PassageRecordWriter.dictionaryCapacity))
        for dictionary in [nil, dictionary] {
            let compressor = PassageRecord.compressor(dictionary: dictionary)
            let decompressor = Zstd.Decompressor(dictionary: dictionary)
            for passage in awkwardPassages() {
                let stored = compressor.compress(PassageRecord.pack(passage))
                #expect(stored.count < passage.text.utf8.count / 10 + 200)
                stored.withUnsafeBytes { bytes in
                    #expect(PassageRecord.passage(in: bytes, id: passage.id, expert: passage.expert, using: decompressor) == passage)
                }
            }
        }
    }

    @Test func theDictionaryStillServesAfterALargeRecordMovedTheBuffer() throws {
        let samples = generatedCorpus(count: 900).passages
        let dictionary = try #require(Zstd.dictionary(trainedOn: samples.map(PassageRecord.pack), capacity: PassageRecordWriter.dictionaryCapacity))
        let compressor = PassageRecord.compressor(dictionary: dictionary)
        let decompressor = Zstd.Decompressor(dictionary: dictionary)
        // The content goes right after the dictionary's bytes; a record larger than the room there moves both.
        for (index, passage) in [samples[1], awkwardPassages()[2], samples[1], samples[2]].enumerated() {
            let stored = compressor.compress(PassageRecord.pack(passage))
            let readBack = stored.withUnsafeBytes { PassageRecord.passage(in: $0, id: passage.id, expert: passage.expert, using: decompressor) == passage }
            #expect(readBack, "record \(index) of 4 did not read back")
        }
    }

    @Test func aDictionaryMakesRecordsSmaller() throws {
        let samples = samples()
        let dictionary = try #require(Zstd.dictionary(trainedOn: samples, capacity: PassageRecordWriter.dictionaryCapacity))
        let size = { (dictionary: [UInt8]?) in
            let compressor = PassageRecord.compressor(dictionary: dictionary)
            return samples.map { compressor.compress($0).count }.reduce(0, +)
        }
        #expect(size(dictionary) * 2 < size(nil))
        // Too few samples train none, and records are then compressed alone.
        #expect(Zstd.dictionary(trainedOn: Array(samples.prefix(5)), capacity: PassageRecordWriter.dictionaryCapacity) == nil)
    }

    @Test func damagedRecordsAreRefused() throws {
        let dictionary = try #require(Zstd.dictionary(trainedOn: samples(), capacity: PassageRecordWriter.dictionaryCapacity))
        let passage = awkwardPassages()[0]
        let stored = PassageRecord.compressor(dictionary: dictionary).compress(PassageRecord.pack(passage))
        var flipped = stored
        flipped[stored.count / 2] ^= 0x20
        // A frame header (magic number left out) that declares 2^40 bytes of content: refused before anything is allocated.
        let huge: [UInt8] = [0xe0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]
        let decompressor = Zstd.Decompressor(dictionary: dictionary)
        for damaged in [flipped, Array(stored.dropLast(5)), Array(stored.prefix(3)), stored + [0], huge, [0xff, 0xff, 0xff, 0x01, 0x78], []] {
            damaged.withUnsafeBytes { #expect(PassageRecord.passage(in: $0, id: passage.id, expert: passage.expert, using: decompressor) == nil) }
        }
        // A record that draws on the dictionary, read without it.
        let sample = generatedCorpus(count: 900).passages[1]
        let compressed = PassageRecord.compressor(dictionary: dictionary).compress(PassageRecord.pack(sample))
        compressed.withUnsafeBytes { bytes in
            #expect(PassageRecord.passage(in: bytes, id: sample.id, expert: sample.expert, using: decompressor) == sample)
            #expect(PassageRecord.passage(in: bytes, id: sample.id, expert: sample.expert, using: Zstd.Decompressor()) == nil)
        }
    }

    @Test func passagesHeldBackWhileTheDictionaryTrainsAreWrittenInOrder() throws {
        let passages = generatedCorpus(count: 2_000).passages
        let path = try temporaryDirectory().appendingPathComponent("r.sqlite").path
        let database = try Database(path: path, mode: .readWrite)
        try Schema.create(database)
        // A dictionary trained on the first ~20 KB, while later passages keep coming.
        let writer = try PassageRecordWriter(database: database, sampleBytes: 20_000)
        for passage in passages { try writer.add(passage) }
        try writer.finish()
        let dictionary = try #require(try PassageStore.passageDictionary(database))
        let decompressor = Zstd.Decompressor(dictionary: dictionary)
        let rows = try database.statement("SELECT doc, id, expert, record FROM passages ORDER BY doc")
        var doc = 0
        while try rows.step() {
            #expect(rows.int(at: 0) == doc)
            #expect(rows.withBlob(at: 3) { PassageRecord.passage(in: $0, id: rows.string(at: 1), expert: rows.string(at: 2), using: decompressor) } == passages[doc])
            doc += 1
        }
        #expect(doc == passages.count)
    }
}

@Suite struct CompressedStoreTests {
    /// A store on disk of `awkwardPassages` among generated ones (the awkward ones from passage 450).
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

    @Test func passagesAreCompressedAgainstTheStoresDictionary() throws {
        let (path, passages) = try awkwardStore()
        let database = try Database(path: path, mode: .readOnly)
        let statement = try database.statement("SELECT count(*), sum(length(record)), (SELECT length(dictionary) FROM passage_dictionary) FROM passages")
        #expect(try statement.step())
        #expect(statement.int(at: 0) == passages.count)
        #expect(statement.int(at: 1) < passages.map { $0.text.utf8.count + $0.question.utf8.count + $0.source.utf8.count }.reduce(0, +) / 2)
        #expect(statement.int(at: 2) > 1024)
    }

    @Test func aDamagedRecordIsReportedAsDamagedNotCrashed() throws {
        let (path, passages) = try awkwardStore()
        let database = try Database(path: path, mode: .readWrite)
        let damaged = [452, 450]
        // The first (~100 KB of text): four bytes in the middle overwritten; the second: cut short.
        try database.execute("""
            UPDATE passages SET record = CAST(substr(record, 1, length(record) / 2) || x'5a5a5a5a' || substr(record, length(record) / 2 + 5) AS BLOB)
            WHERE doc = \(damaged[0]);
            UPDATE passages SET record = substr(record, 1, length(record) / 2) WHERE doc = \(damaged[1]);
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
