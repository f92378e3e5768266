import Corpus
import Foundation
import Retrieval
import Store
import Testing

/// A build from a lexicon file keeps the lexicon's analysis in a cache file and reads it back;
/// never from a changed lexicon or a damaged file, and never over a file that is not its own.
@Suite struct LexiconCacheTests {
    static let lexicon = "penalty\tsyn:punishment:0.9|syn:sanction:0.5\nafraid\t\n"
    /// Another lexicon, whose expansion of "penalty" the seed corpus also has.
    static let other = "penalty\tsyn:treaty:0.9\n"

    let folder: URL
    let lexiconFile: URL
    let cache: LexiconCache

    init() throws {
        folder = try temporaryDirectory()
        lexiconFile = folder.appendingPathComponent("lexicon.tsv")
        cache = LexiconCache(path: folder.appendingPathComponent("cache/analysed-lexicon").path)
        try Self.lexicon.write(to: lexiconFile, atomically: true, encoding: .utf8)
    }

    /// The terms "penalty" expands to in a store of the seed corpus built with the lexicon file and `cache`.
    func expansionsOfPenalty(cache: LexiconCache?) throws -> [String] {
        let path = folder.appendingPathComponent("s.sqlite").path
        try StoreBuilder(lexicon: .file(lexiconFile, cache: cache)).build(try seedCorpus(), at: path, origin: "test")
        return try PassageStore(path: path).expansions(for: "penalti").map(\.term)
    }

    func key(of text: String) -> String {
        Array(text.utf8).withUnsafeBytes { LexiconCache.key(ofLexicon: $0, analyzer: Analyzer()) }
    }

    @Test func aBuildKeepsTheAnalysisAndTheNextBuildReadsIt() throws {
        #expect(try expansionsOfPenalty(cache: cache) == ["sanction"])
        #expect(cache.analysis(forKey: key(of: Self.lexicon), analyzer: Analyzer()) != nil)
        // The kept analysis is what the next build uses: here one of another lexicon, kept under this one's key.
        let otherAnalysis = AnalysedLexicon(try Lexicon(text: Self.other), analyzer: Analyzer())
        #expect(cache.keep(otherAnalysis, forKey: key(of: Self.lexicon)))
        #expect(try expansionsOfPenalty(cache: cache) == ["treati"])
    }

    @Test func aChangedLexiconIsAnalysedAnew() throws {
        #expect(try expansionsOfPenalty(cache: cache) == ["sanction"])
        try Self.other.write(to: lexiconFile, atomically: true, encoding: .utf8)
        #expect(try expansionsOfPenalty(cache: cache) == ["treati"])
        #expect(cache.analysis(forKey: key(of: Self.other), analyzer: Analyzer()) != nil)
        #expect(cache.analysis(forKey: key(of: Self.lexicon), analyzer: Analyzer()) == nil)
    }

    @Test func aDamagedCacheIsNotUsedAndIsWrittenAgain() throws {
        #expect(try expansionsOfPenalty(cache: cache) == ["sanction"])
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        bytes[bytes.count - 1] ^= 1
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.analysis(forKey: key(of: Self.lexicon), analyzer: Analyzer()) == nil)
        #expect(try expansionsOfPenalty(cache: cache) == ["sanction"])
        #expect(cache.analysis(forKey: key(of: Self.lexicon), analyzer: Analyzer()) != nil)
    }

    @Test func aFileThatIsNoCacheIsLeftAsItIs() throws {
        let notes = Data("my notes\n".utf8)
        try FileManager.default.createDirectory(atPath: (cache.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try notes.write(to: URL(fileURLWithPath: cache.path))
        #expect(try expansionsOfPenalty(cache: cache) == ["sanction"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: cache.path)) == notes)
    }

    @Test func aCacheThatCannotBeWrittenFailsNothing() throws {
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let unwritable = LexiconCache(path: blocker.appendingPathComponent("analysed-lexicon").path)
        #expect(try expansionsOfPenalty(cache: unwritable) == ["sanction"])
        #expect(try expansionsOfPenalty(cache: nil) == ["sanction"])
    }

    @Test func aMissingLexiconFileFailsTheBuildAtOnce() throws {
        try FileManager.default.removeItem(at: lexiconFile)
        #expect(throws: (any Error).self) { try expansionsOfPenalty(cache: cache) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.sqlite").path))
    }
}
