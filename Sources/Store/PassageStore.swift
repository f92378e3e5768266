import Corpus
import CSQLite
import Foundation
import Retrieval

/// A store file opened for reading: passages, vocabulary and postings, queried in place.
///
/// Only what a question needs is read: the posting lists of its terms and the passages it
/// returns. Statements are prepared once per process.
public final class PassageStore: PostingSource {
    let database: Database
    /// Decompresses passage records; the store, like its database connection, is used by one thread at a time.
    private let decompressor: Zstd.Decompressor
    /// How many passages the store holds.
    public let passageCount: Int
    /// The hash of the input the store was built from.
    public let contentHash: String
    /// What the store was built from (see `StoreMeta.origin`).
    public let origin: String
    /// The `TextEmbedder.identifier` of the store's passage vectors, or nil when it has none.
    public let vectorEncoder: String?
    /// The `StoreMeta.currentRecipe` of the Panelist that built the store; nil for stores built before recipes.
    public let recipe: String?
    /// The advice an error about a damaged store ends with: "rebuild it with `panelist index …`".
    let rebuild: String
    /// The fields any passage has a term in: a query's terms are not looked up in the others
    /// (a corpus of bare texts has no questions or experts).
    private let indexedFields: Set<Field>
    /// The `FunctionWordTable` once read (`.some(nil)`: the store has none).
    private var functionWordTable: FunctionWordTable??
    /// The stop words' bitmaps read so far, by index in `StopWords.ordered`.
    private var functionWordBitmaps: [Int: PassageBitmap] = [:]
    /// The `KeyFilter`s read so far (nil: the store has none of that kind, as when it was built without a lexicon).
    private var keyFilters: [KeyFilter.Kind: KeyFilter?] = [:]

    /// Opens the store at `path` read-only and checks that it is a store this build can read.
    ///
    /// - Parameter rebuildCommand: The command that rebuilds this store, for error messages (a named
    ///   corpus is rebuilt by name, the default one by `panelist index`); by default
    ///   `panelist index FILES… --store PATH`.
    ///
    /// - Throws: `DatabaseError` `.missing`, `.notAStore` (also for a device or FIFO, which is
    ///   never opened), `.newerVersion` or `.corrupt`, each with a message that says what to do.
    public init(path: String, rebuildCommand: String? = nil) throws {
        let rebuild = "rebuild it with `\(rebuildCommand ?? "panelist index FILES… --store \(path)")`"
        self.rebuild = rebuild
        switch StoreFile(at: path) {
        case .absent:
            throw DatabaseError(.missing, message: "no store at \(path); build one with `panelist index FILES… --store \(path)`")
        case .store:
            break
        case let other:
            throw DatabaseError(.notAStore, message: "\(path) is \(other.description); give --store a Panelist store, or build one at a new path with `panelist index FILES… --store NEW_PATH`")
        }
        do {
            database = try Database(path: path, mode: .readOnly)
            // Read pages through a memory map rather than a system call each: a query reads many.
            try database.execute("PRAGMA mmap_size = \(Self.memoryMapLimit)")
            guard try database.pragma("application_id") == Schema.applicationID else {
                throw DatabaseError(.notAStore, message: "\(path) is not a Panelist store; give another --store path or \(rebuild)")
            }
            let version = try database.pragma("user_version")
            guard version <= Schema.currentVersion else {
                throw DatabaseError(.newerVersion, message: "\(path) was written by a newer Panelist (schema \(version), this build reads \(Schema.currentVersion)); upgrade Panelist or \(rebuild)")
            }
            guard version == Schema.currentVersion else {
                throw DatabaseError(.notAStore, message: "\(path) has an older schema (\(version)); \(rebuild)")
            }
            let tables = try Self.tables(database)
            if let missing = Schema.tables.first(where: { !tables.contains($0) }) {
                throw DatabaseError(.corrupt, message: "\(path) is damaged (its \(missing) table is missing); \(rebuild)")
            }
            let meta = try Self.meta(database)
            guard meta[StoreMeta.analyzer] == StoreMeta.analyzerVersion else {
                throw DatabaseError(.notAStore, message: "\(path) was built with another text analysis; \(rebuild)")
            }
            guard let count = meta[StoreMeta.passageCount].flatMap(Int.init), let hash = meta[StoreMeta.contentHash] else {
                throw DatabaseError(.corrupt, message: "\(path) is damaged (its metadata is incomplete); \(rebuild)")
            }
            passageCount = count
            contentHash = hash
            origin = meta[StoreMeta.origin] ?? ""
            vectorEncoder = meta[StoreMeta.encoder]
            recipe = meta[StoreMeta.recipe]
            indexedFields = try Self.indexedFields(database)
            decompressor = Zstd.Decompressor(dictionary: try Self.passageDictionary(database))
        } catch let error as DatabaseError where error.code == .sqlite {
            throw Self.explain(error, path: path, rebuild: rebuild)
        }
    }

    /// How much of a store file SQLite may map into memory (pages are read on first touch).
    static let memoryMapLimit = 1 << 31

    /// The `origin` recorded in the store at `path`, whatever its version, or nil when it
    /// cannot be read: tells the bundled corpus's own store from a user's.
    public static func origin(ofStoreAt path: String) -> String? {
        guard let database = try? Database(path: path, mode: .readOnly) else { return nil }
        return (try? meta(database))?[StoreMeta.origin]
    }

    static func tables(_ database: Database) throws -> Set<String> {
        let statement = try database.statement(literal: "SELECT name FROM sqlite_master WHERE type = 'table'")
        var names: Set<String> = []
        while try statement.step() { names.insert(statement.string(at: 0)) }
        return names
    }

    static func indexedFields(_ database: Database) throws -> Set<Field> {
        try Set(Field.allCases.filter { field in
            let statement = try database.statement(literal: "SELECT 1 FROM terms WHERE field = ? LIMIT 1")
            try statement.bind(field.rawValue)
            return try statement.step()
        })
    }

    static func passageDictionary(_ database: Database) throws -> [UInt8]? {
        let statement = try database.statement(literal: "SELECT dictionary FROM passage_dictionary")
        return try statement.step() ? statement.withBlob(at: 0) { Array($0) } : nil
    }

    static func meta(_ database: Database) throws -> [String: String] {
        let statement = try database.statement(literal: "SELECT key, value FROM meta")
        var meta: [String: String] = [:]
        while try statement.step() { meta[statement.string(at: 0)] = statement.string(at: 1) }
        return meta
    }

    /// Maps SQLite's "not a database" and "malformed" errors to a message that says how to rebuild.
    static func explain(_ error: DatabaseError, path: String, rebuild: String) -> DatabaseError {
        switch error.resultCode & 0xff {
        case SQLITE_NOTADB: return DatabaseError(.notAStore, message: "\(path) is not a Panelist store (not an SQLite file); \(rebuild)", resultCode: error.resultCode)
        case SQLITE_CORRUPT: return DatabaseError(.corrupt, message: "\(path) is damaged (\(error.message)); \(rebuild)", resultCode: error.resultCode)
        default: return error
        }
    }

    func reading<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.explain(error, path: database.path, rebuild: rebuild)
        }
    }

    public func postingList(for term: String, in field: Field) throws -> PostingList? {
        try postingList(for: term, in: field, ifAtMost: .max).list
    }

    /// The term's `terms` row: its postings are decoded only when there are at most `limit`.
    public func postingList(for term: String, in field: Field, ifAtMost limit: Int) throws -> (documentFrequency: Int, list: PostingList?) {
        guard indexedFields.contains(field) else { return (0, nil) }
        return try reading {
            let statement = try database.statement(literal: "SELECT df, max_weight, postings FROM terms WHERE field = ? AND term = ?")
            try statement.bind(field.rawValue, term)
            guard try statement.step() else { return (0, nil) }
            let frequency = statement.int(at: 0)
            guard frequency <= limit else { return (frequency, nil) }
            guard let postings = statement.withBlob(at: 2, { PostingCodec.decode($0, count: frequency) }) else {
                throw DatabaseError(.corrupt, message: "\(database.path) is damaged (postings of '\(term)'); \(rebuild)")
            }
            return (frequency, PostingList(postings: postings, maxWeight: Float(statement.double(at: 1))))
        }
    }

    /// Each passage's text length and how many passages have each stop word, read on first use; nil
    /// for a store without them.
    public func functionWords() throws -> FunctionWordTable? {
        if let loaded = functionWordTable { return loaded }
        let table = try reading { try FunctionWordTable.read(from: database, passageCount: passageCount) }
        functionWordTable = .some(table)
        return table
    }

    /// The passages that have the stop word at `index` of `StopWords.ordered`, read on first use;
    /// nil for a store without a `FunctionWordTable`.
    public func passages(withFunctionWord index: Int) throws -> PassageBitmap? {
        if let loaded = functionWordBitmaps[index] { return loaded }
        guard let table = try functionWords() else { return nil }
        let bitmap = try reading { try table.bitmap(of: index, from: database) }
        functionWordBitmaps[index] = bitmap
        return bitmap
    }

    /// In how many passages `term` occurs in `field`, from its `terms` row without reading the postings.
    public func documentFrequency(of term: String, in field: Field) throws -> Int {
        guard indexedFields.contains(field) else { return 0 }
        return try reading {
            let statement = try database.statement(literal: "SELECT df FROM terms WHERE field = ? AND term = ?")
            try statement.bind(field.rawValue, term)
            return try statement.step() ? statement.int(at: 0) : 0
        }
    }

    /// The passage numbered `doc`, decompressed from its `PassageRecord`.
    ///
    /// - Throws: `DatabaseError.corrupt` when no such passage exists or its record is damaged.
    public func passage(_ doc: Int32) throws -> Passage {
        try reading {
            let row = try database.statement(literal: "SELECT id, expert, record FROM passages WHERE doc = ?")
            try row.bind(doc)
            guard try row.step() else {
                throw DatabaseError(.corrupt, message: "\(database.path) is damaged (passage \(doc) is missing); \(rebuild)")
            }
            guard let passage = row.withBlob(at: 2, {
                PassageRecord.passage(in: $0, id: row.string(at: 0), expert: row.string(at: 1), using: decompressor)
            }) else {
                throw DatabaseError(.corrupt, message: "\(database.path) is damaged (the text of passage \(doc) does not decompress); \(rebuild)")
            }
            return passage
        }
    }

    /// Every passage vector, read at once (see `VectorTable`); empty when the store has none.
    ///
    /// - Throws: `DatabaseError.corrupt` when vectors differ in length.
    public func vectors() throws -> VectorTable {
        try reading {
            let statement = try database.statement(literal: "SELECT doc, vector FROM vectors ORDER BY doc")
            var docs: [Int32] = []
            var levels: [Int8] = []
            var scales: [Float] = []
            var dimensions: Int?
            while try statement.step() {
                let ok = statement.withBlob(at: 1) { bytes -> Bool in
                    let length = QuantizedVector.dimensions(ofByteCount: bytes.count)
                    guard length > 0, length == dimensions ?? length else { return false }
                    dimensions = length
                    scales.append(QuantizedVector.scale(of: bytes))
                    levels.append(contentsOf: bytes.dropFirst(4).map { Int8(bitPattern: $0) })
                    return true
                }
                guard ok else {
                    throw DatabaseError(.corrupt, message: "\(database.path) is damaged (its passage vectors differ in length); \(rebuild)")
                }
                docs.append(Int32(statement.int64(at: 0)))
            }
            return VectorTable(docs: docs, levels: levels, scales: scales, dimensions: dimensions ?? 0)
        }
    }

    /// The numbers of the passages of the expert named exactly `name`.
    public func passages(ofExpert name: String) throws -> Set<Int32> {
        try reading {
            // The index holds only passages with an expert; the second condition lets SQLite use it.
            let statement = try database.statement(literal: "SELECT doc FROM passages WHERE expert = ? AND expert != ''")
            try statement.bind(name)
            var docs: Set<Int32> = []
            while try statement.step() { docs.insert(Int32(statement.int64(at: 0))) }
            return docs
        }
    }

    /// The experts in order of first appearance, with their passage counts and questions.
    public func experts() throws -> [ExpertSummary] {
        try reading {
            let statement = try database.statement(literal: "SELECT name, role, passages, questions FROM experts ORDER BY rank")
            var summaries: [ExpertSummary] = []
            while try statement.step() {
                let questions = statement.string(at: 3).split(separator: "\n").map { String($0).removingControlCharacters() }
                summaries.append(ExpertSummary(expert: Expert(name: statement.string(at: 0), role: statement.string(at: 1)),
                                               passages: statement.int(at: 2), questions: questions))
            }
            return summaries
        }
    }

    /// The query expansions stored for `key` (a stem, or stems joined by spaces), strongest first.
    ///
    /// A key of more than one word is looked up only when the store's `KeyFilter` may hold it.
    public func expansions(for key: String) throws -> [ExpansionTable.Entry] {
        if ExpansionTable.isPhrase(key), let filter = try keyFilter(.expansionPhrases), !filter.mayContain(key) { return [] }
        return try reading {
            // Sorted here: SQLite would open a sorter for every lookup, most of which find nothing.
            let statement = try database.statement(literal: "SELECT term, weight, kind, word FROM expansions WHERE key = ?")
            try statement.bind(key)
            var entries: [ExpansionTable.Entry] = []
            while try statement.step() {
                guard let kind = Lexicon.Kind(rawValue: statement.string(at: 2)) else { continue }
                entries.append(ExpansionTable.Entry(term: statement.string(at: 0), weight: statement.double(at: 1), kind: kind, word: statement.string(at: 3)))
            }
            return entries.sorted { ($0.weight, $1.term) > ($1.weight, $0.term) }
        }
    }

    /// The `KeyFilter` of `kind`, read on first use.
    ///
    /// - Throws: `DatabaseError.corrupt` when its row is not a filter.
    private func keyFilter(_ kind: KeyFilter.Kind) throws -> KeyFilter? {
        if let loaded = keyFilters[kind] { return loaded }
        let filter: KeyFilter? = try reading {
            let statement = try database.statement(literal: "SELECT filter FROM key_filters WHERE name = ?")
            try statement.bind(kind.rawValue)
            guard try statement.step() else { return nil }
            guard let filter = statement.withBlob(at: 0, KeyFilter.init(bytes:)) else {
                throw DatabaseError(.corrupt, message: "\(database.path) is damaged (its filter of \(kind.rawValue.replacingOccurrences(of: "_", with: " ")) is \(statement.withBlob(at: 0) { $0.count }) bytes long); \(rebuild)")
            }
            return filter
        }
        keyFilters[kind] = .some(filter)
        return filter
    }

    /// What the lexicon the store was built with knows of `term`: nil for a term it does not know.
    public func dictionaryKind(of term: String) throws -> ExpansionTable.WordKind? {
        try reading {
            let statement = try database.statement(literal: "SELECT name FROM dictionary WHERE term = ?")
            try statement.bind(term)
            return try statement.step() ? ExpansionTable.WordKind(rawValue: statement.int(at: 0)) : nil
        }
    }

    /// Whether the lexicon knows `term` only as a name ("mongolia"), not as a common word; the
    /// dictionary is read only when the store's `KeyFilter` of names may hold the term.
    public func isNameOnly(_ term: String) throws -> Bool {
        if let filter = try keyFilter(.names), !filter.mayContain(term) { return false }
        return try dictionaryKind(of: term) == .name
    }

    /// Whether any field of any passage has `term`.
    public func contains(term: String) throws -> Bool {
        try reading {
            let statement = try database.statement(literal: "SELECT 1 FROM vocabulary WHERE term = ?")
            try statement.bind(term)
            return try statement.step()
        }
    }

    /// A term of the vocabulary: its text-field document frequency and whether it is a name.
    public struct VocabularyTerm: Sendable, Equatable {
        public var term: String
        public var documentFrequency: Int
        /// Whether the corpus writes it capitalised (see `InMemoryIndex.names`).
        public var isName: Bool
    }

    /// The corpus's terms that start with `prefix`.
    ///
    /// - Complexity: a range scan of the vocabulary's primary key.
    public func vocabulary(startingWith prefix: String) throws -> [VocabularyTerm] {
        try reading {
            let statement = try database.statement(literal: "SELECT term, df, name FROM vocabulary WHERE term >= ? AND term < ?")
            try statement.bind(prefix, prefix + "\u{10FFFF}")
            var terms: [VocabularyTerm] = []
            while try statement.step() {
                terms.append(VocabularyTerm(term: statement.string(at: 0), documentFrequency: statement.int(at: 1), isName: statement.int(at: 2) != 0))
            }
            return terms
        }
    }
}
