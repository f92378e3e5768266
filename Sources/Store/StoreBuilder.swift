import Corpus
import Foundation
import Retrieval

/// Writes a store file from passages, atomically.
///
/// The store is built in a temporary file beside the target, in one transaction, and renamed
/// over the target only when complete: an interrupted build leaves the previous store intact.
public struct StoreBuilder: Sendable {
    let analyzer: Analyzer
    let lexicon: Lexicon?

    /// A builder that analyses text with `analyzer` and, given a `lexicon`, stores the query
    /// expansions that lead to the corpus's terms.
    public init(analyzer: Analyzer = Analyzer(), lexicon: Lexicon? = nil) {
        self.analyzer = analyzer
        self.lexicon = lexicon
    }

    /// What a build produced.
    public struct Summary: Sendable {
        public var passages: Int
        public var experts: Int
        public var terms: Int
        /// How many query-expansion entries were stored.
        public var expansions: Int
    }

    /// Indexes `corpus` into a new store at `path`, replacing any file there.
    ///
    /// - Parameters:
    ///   - corpus: The passages and the hash of their input.
    ///   - path: Where the store goes; its folder is created if needed.
    ///   - origin: What the corpus is: `StoreMeta.bundledOrigin` or the paths it was read from.
    /// - Returns: Counts of what was written.
    /// - Throws: `DatabaseError` or a file-system error; the file at `path` is then untouched.
    @discardableResult
    public func build(_ corpus: LoadedCorpus, at path: String, origin: String) throws -> Summary {
        let target = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let summary = try write(corpus, origin: origin, to: temporary.path)
            guard rename(temporary.path, target.path) == 0 else {
                throw DatabaseError(.sqlite, message: "cannot move the new store into place at \(path): \(String(cString: strerror(errno)))")
            }
            return summary
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    func write(_ corpus: LoadedCorpus, origin: String, to path: String) throws -> Summary {
        let index = InMemoryIndex(passages: corpus.passages, analyzer: analyzer)
        let experts = corpus.experts
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try Schema.migrate(database)
        var termCount = 0
        var expansionCount = 0
        try database.transaction {
            let insertPassage = try database.statement(
                "INSERT INTO passages(doc, id, expert, role, question, text, source, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for (doc, passage) in corpus.passages.enumerated() {
                insertPassage.reset()
                try insertPassage.bind(doc, passage.id, passage.expert, passage.role, passage.question, passage.text, passage.source, passage.ordinal)
                try insertPassage.run()
            }
            let insertTerm = try database.statement("INSERT INTO terms(field, term, df, max_weight, postings) VALUES (?, ?, ?, ?, ?)")
            for field in Field.allCases {
                for (term, list) in (index.lists[field] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    insertTerm.reset()
                    try insertTerm.bind(field.rawValue, term, list.documentFrequency, Double(list.maxWeight), PostingCodec.encode(list.postings))
                    try insertTerm.run()
                    termCount += 1
                }
            }
            var vocabulary: [String: Int] = [:]
            for field in Field.allCases {
                for (term, list) in index.lists[field] ?? [:] {
                    vocabulary[term] = max(vocabulary[term] ?? 0, field == .text ? list.documentFrequency : 0)
                }
            }
            let insertWord = try database.statement("INSERT INTO vocabulary(term, df, name) VALUES (?, ?, ?)")
            for (term, df) in vocabulary.sorted(by: { $0.key < $1.key }) {
                insertWord.reset()
                try insertWord.bind(term, df, index.names.contains(term) ? 1 : 0)
                try insertWord.run()
            }
            if let lexicon {
                let table = ExpansionTable(lexicon: lexicon, vocabulary: Set(vocabulary.keys), analyzer: analyzer)
                let insertExpansion = try database.statement("INSERT INTO expansions(key, term, weight, kind, word) VALUES (?, ?, ?, ?, ?)")
                for (key, entries) in table.entries.sorted(by: { $0.key < $1.key }) {
                    for entry in entries {
                        insertExpansion.reset()
                        try insertExpansion.bind(key, entry.term, entry.weight, entry.kind.rawValue, entry.word)
                        try insertExpansion.run()
                        expansionCount += 1
                    }
                }
                let insertDictionaryWord = try database.statement("INSERT INTO dictionary(term) VALUES (?)")
                for term in ExpansionTable.dictionary(of: lexicon, analyzer: analyzer).sorted() {
                    insertDictionaryWord.reset()
                    try insertDictionaryWord.bind(term)
                    try insertDictionaryWord.run()
                }
            }
            let insertExpert = try database.statement("INSERT INTO experts(rank, name, role, passages, questions) VALUES (?, ?, ?, ?, ?)")
            for (rank, summary) in experts.enumerated() {
                insertExpert.reset()
                try insertExpert.bind(rank, summary.expert.name, summary.expert.role, summary.passages, summary.questions.joined(separator: "\n"))
                try insertExpert.run()
            }
            let insertMeta = try database.statement("INSERT INTO meta(key, value) VALUES (?, ?)")
            for (key, value) in [
                (StoreMeta.passageCount, String(corpus.passages.count)),
                (StoreMeta.contentHash, corpus.contentHash),
                (StoreMeta.analyzer, StoreMeta.analyzerVersion),
                (StoreMeta.origin, origin),
                (StoreMeta.builtAt, ISO8601DateFormatter().string(from: Date())),
            ] {
                insertMeta.reset()
                try insertMeta.bind(key, value)
                try insertMeta.run()
            }
        }
        return Summary(passages: corpus.passages.count, experts: experts.count, terms: termCount, expansions: expansionCount)
    }
}

/// Keys of the store's `meta` table.
public enum StoreMeta {
    public static let passageCount = "passage_count"
    /// The `ContentHash` of the input the store was built from.
    public static let contentHash = "content_hash"
    /// Which text analysis the terms were made with; a store made otherwise must be rebuilt.
    public static let analyzer = "analyzer"
    public static let builtAt = "built_at"
    /// Where the corpus came from: `bundledOrigin`, or the indexed paths joined by newlines.
    public static let origin = "origin"
    /// The origin of a store built from the bundled corpus.
    public static let bundledOrigin = "bundled"
    /// The current analysis: Unicode folding, Snowball stop words, Porter2 stemming, compounds.
    public static let analyzerVersion = "fold+snowball-stop+porter2+compounds+lead+wordnet+affix/5"
}
