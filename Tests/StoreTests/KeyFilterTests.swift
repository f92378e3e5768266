import Bundled
import Foundation
@testable import Store
import Testing

/// The filter of multi-word expansion keys never turns away a key it holds, rarely lets an absent
/// one through, and a store reads its pairs through it (issue 16: fewer lookups per search).
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

    @Test func aDamagedFilterIsReportedWithHowToRebuild() throws {
        let (path, pair) = try seedStore()
        try Database(path: path, mode: .readWrite).execute("UPDATE expansion_phrases SET filter = x'0102'")
        let error = try #require(throws: DatabaseError.self) { try PassageStore(path: path).expansions(for: pair) }
        #expect(error.code == .corrupt)
        #expect(error.message.contains("rebuild it with"))
        // A word alone does not need the filter.
        #expect(try PassageStore(path: path).expansions(for: "govern").isEmpty == false)
    }
}
