import Bundled
import Foundation
@testable import Store
import Testing

/// A key filter never turns away a key it holds and rarely lets an absent one through; a store reads
/// its expansion pairs and its names through its filters (issue 16: fewer lookups per search).
@Suite struct KeyFilterTests {
    /// Keys shaped like the store's: stems joined by a space.
    static let keys = (0..<2_000).map { "stem\($0) word\($0 * 7 % 1_000)" }

    @Test func holdsEveryKeyAndFewOthers() {
        let filter = KeyFilter(keys: Self.keys)
        #expect(Self.keys.allSatisfy(filter.mayContain))
        let absent = (0..<10_000).map { "other\($0) word\($0)" }
        let passed = absent.filter(filter.mayContain).count
        // Ten bits and seven probes a key: about 1 % of absent keys pass.
        #expect(passed < 300)
        #expect(!KeyFilter(keys: []).mayContain("united state"))
    }

    @Test func readsBackFromItsBytesAndRefusesOthers() {
        let filter = KeyFilter(keys: Self.keys)
        let bytes = filter.bytes
        #expect(bytes.count % 8 == 0)
        #expect(bytes.withUnsafeBytes(KeyFilter.init(bytes:)) == filter)
        #expect(Array(bytes.dropLast()).withUnsafeBytes(KeyFilter.init(bytes:)) == nil)
        #expect([UInt8]().withUnsafeBytes(KeyFilter.init(bytes:)) == nil)
    }

    /// A store of the seed corpus with the bundled lexicon, and one of its expansion keys of two words.
    func seedStore() throws -> (path: String, pair: String) {
        let path = try temporaryDirectory().appendingPathComponent("s.sqlite").path
        try StoreBuilder(lexicon: .lexicon(BundledCorpus.lexicon())).build(try seedCorpus(), at: path, origin: "test")
        let statement = try Database(path: path, mode: .readOnly).statement("SELECT key FROM expansions WHERE key LIKE '% %' ORDER BY key LIMIT 1")
        #expect(try statement.step())
        return (path, statement.string(at: 0))
    }

    @Test func aStoreFindsItsPairsThroughTheFilter() throws {
        let (path, pair) = try seedStore()
        let store = try PassageStore(path: path)
        let direct = try Database(path: path, mode: .readOnly).statement("SELECT count(*) FROM expansions WHERE key = ?")
        try direct.bind(pair)
        #expect(try direct.step())
        #expect(try store.expansions(for: pair).count == direct.int(at: 0))
        #expect(try store.expansions(for: "zzzq zzzr").isEmpty)
    }

    @Test func aStoreTellsItsNamesThroughTheFilter() throws {
        let (path, _) = try seedStore()
        let store = try PassageStore(path: path)
        let database = try Database(path: path, mode: .readOnly)
        let names = try database.statement("SELECT term FROM dictionary WHERE name = 1 ORDER BY term LIMIT 50")
        var checked = 0
        while try names.step() {
            #expect(try store.isNameOnly(names.string(at: 0)))
            checked += 1
        }
        #expect(checked == 50)
        let words = try database.statement("SELECT term FROM dictionary WHERE name != 1 ORDER BY term LIMIT 50")
        while try words.step() { #expect(try !store.isNameOnly(words.string(at: 0))) }
        #expect(try !store.isNameOnly("zzzq"))
    }

    @Test(arguments: KeyFilter.Kind.allCases)
    func aDamagedFilterIsReportedWithHowToRebuild(_ kind: KeyFilter.Kind) throws {
        let (path, pair) = try seedStore()
        let update = try Database(path: path, mode: .readWrite).statement("UPDATE key_filters SET filter = x'0102' WHERE name = ?")
        try update.bind(kind.rawValue)
        try update.run()
        let store = try PassageStore(path: path)
        let error = try #require(throws: DatabaseError.self) {
            switch kind {
            case .expansionPhrases: _ = try store.expansions(for: pair)
            case .names: _ = try store.isNameOnly("govern")
            }
        }
        #expect(error.code == .corrupt)
        #expect(error.message.contains("rebuild it with"))
        // A word alone does not need the filter of phrases.
        if kind == .expansionPhrases { #expect(try store.expansions(for: "govern").isEmpty == false) }
    }
}
