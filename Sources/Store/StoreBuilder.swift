import CMalloc
import Corpus
import Encoder
import Foundation
import Retrieval

/// Writes a store file from passages, atomically and with memory bounded by the vocabulary, not
/// the corpus.
///
/// Passages are analysed on a second thread (`BatchAnalyser`) while the next ones are read and
/// the previous ones written; they are written in input order, so the store is the same however
/// the work was divided. The analysing threads hand over numbered terms (`TermNumberer`), which
/// this thread renumbers field by field (`TermRenumbering`).
///
/// The store is built in a temporary file beside the target and renamed over the target only
/// when complete: an interrupted build leaves the previous store intact.
///
/// Two passes: the first stores each passage, counts document frequencies and spills each
/// passage's term counts to a scratch file; the second, with every document frequency known,
/// weighs each passage's vector once and gathers posting lists in runs of at most
/// `runPostings` postings, which are merged term by term into the store. The weights are
/// exactly those of `InMemoryIndex`. Meanwhile other threads write the dictionary (while the
/// corpus is read), the vocabulary and the expansions (while the postings are gathered) apart
/// (`StagedTable`); they are copied in at the end.
public struct StoreBuilder: Sendable {
    let analyzer: Analyzer
    let lexicon: LexiconSource?
    /// How many postings are held in memory before a run is written out.
    public var runPostings: Int
    /// How many passages are handed at a time to the thread that analyses them.
    public var analysisBatch = 512
    /// How many distinct chunks of text each analysing thread keeps the terms of, per generation
    /// (`TermNumberer`). 2^17 rather than 2^15 took the build of 603,832 passages from 13.5 to 11.0 s;
    /// 2^18 was no faster and took more memory (docs/PERFORMANCE.md).
    package var analysisChunkLimit = 1 << 17
    /// How often, in seconds, `progress` is called during a build.
    public var progressInterval: Double = 1

    /// A builder that analyses text with `analyzer` and, given a `lexicon`, stores the query
    /// expansions that lead to the corpus's terms.
    public init(analyzer: Analyzer = Analyzer(), lexicon: LexiconSource? = nil, runPostings: Int = 4_000_000) {
        self.analyzer = analyzer
        self.lexicon = lexicon
        self.runPostings = runPostings
    }

    /// What a build produced.
    public struct Summary: Sendable {
        public var passages: Int
        public var experts: Int
        public var terms: Int
        /// How many query-expansion entries were stored.
        public var expansions: Int
        /// How many runs of postings were written out and merged (0 when all fitted in memory).
        public var runs: Int
        /// Whether the passages got vectors.
        public var vectors: SemanticIndexing.Outcome
    }

    /// Indexes `corpus` into a new store at `path`, replacing what is there only when it is
    /// nothing or a Panelist store (see `BuildTarget`).
    ///
    /// - Parameters:
    ///   - corpus: The passages, read once, in order.
    ///   - path: Where the store goes; its folder is created if needed; a symbolic link is followed.
    ///   - origin: What the corpus is: `StoreMeta.bundledOrigin` or the paths it was read from.
    ///   - semantic: Whether passages get vectors, and what makes them.
    ///   - progress: Called about every `progressInterval` seconds while the build runs.
    /// - Returns: Counts of what was written.
    /// - Complexity: Under an address-space limit (`ulimit -v`), runs of postings are made smaller
    ///   to fit (`AddressSpace`).
    /// - Throws: `DatabaseError` (`.notAStore` when `path` holds something else), `CorpusError` or
    ///   a file-system error; the file at `path` is then untouched.
    @discardableResult
    public func build(_ corpus: some PassageSequence, at path: String, origin: String,
                      semantic: SemanticIndexing = SemanticIndexing(mode: .off, embedder: nil),
                      progress: ((BuildProgress) -> Void)? = nil) throws -> Summary {
        let target = try BuildTarget(path: path)
        var builder = self
        if let limit = AddressSpace.limit {
            // Each thread's malloc arena reserves 64 MB of address space; under a limit, share one.
            mallopt(M_ARENA_MAX, 1)
            builder.runPostings = try AddressSpace.runPostings(under: limit, used: AddressSpace.used, wanted: runPostings)
        }
        return try target.replace { temporary in
            try builder.write(corpus, origin: origin, to: temporary, semantic: semantic, progress: progress)
        }
    }

    func write(_ corpus: some PassageSequence, origin: String, to path: String, semantic: SemanticIndexing,
               progress: ((BuildProgress) -> Void)?) throws -> Summary {
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try Schema.create(database)
        let spill = try SpillFile(path: path + ".counts")
        // The questions and texts to embed, kept out of memory until the lexical index is done (and the count known).
        let texts = semantic.wants(passages: 0) ? try SpillFile(path: path + ".texts") : nil
        let meter = ProgressMeter(interval: progressInterval, report: progress)
        let (written, staged) = try database.transaction {
            var fields = [FieldTerms](repeating: FieldTerms(), count: Field.allCases.count)
            var experts = ExpertTally()
            var prior = LeadPrior()
            var count = 0
            var tally = TermTally()
            var functionWords = FunctionWordTable.Builder()
            let analyser = BatchAnalyser(analyzer: analyzer, batchSize: analysisBatch, chunkLimit: analysisChunkLimit)
            var renumbering = TermRenumbering(threads: BatchAnalyser.threads)
            let records = try PassageRecordWriter(database: database)
            func store(_ batch: AnalysedBatch) throws {
                renumbering.learn(batch)
                for analysed in batch.passages { try store(analysed, from: batch.thread) }
            }
            func store(_ analysed: AnalysedPassage, from thread: Int) throws {
                let passage = analysed.passage
                try records.add(passage)
                experts.add(passage)
                try spill.write(prior.next(passage).bitPattern)
                try Self.count(analysed.terms, from: thread, renumbering: &renumbering, fields: &fields, tally: &tally, spill: spill)
                functionWords.add(analysed.functionWords, length: analysed.terms[Field.text.rawValue].count)
                count += 1
                if let texts, semantic.wants(passages: count) {
                    try texts.write(text: passage.question)
                    try texts.write(text: passage.text)
                }
                if count & 255 == 0 {
                    meter.tick(BuildProgress(phase: .reading, passages: count, total: corpus.knownCount, fraction: corpus.fractionRead, elapsed: meter.elapsed))
                }
            }
            // The lexicon's analysis and dictionary do not depend on the corpus: they are made while the corpus is read.
            let analysedLexicon = try lexicon?.analysis(by: analyzer)
            let staged = analysedLexicon.map { analysis in
                [Pending(on: .global()) { Result { try StagedTable.dictionary(of: analysis.wait().get()) } }]
            } ?? []
            let contentHash = try corpus.forEachPassage { try analyser.add($0, store) }
            try analyser.finish(store)
            try records.finish()
            meter.tick(BuildProgress(phase: .reading, passages: count, total: count, fraction: 1, elapsed: meter.elapsed), force: true)
            let vocabulary = Self.vocabulary(fields)
            let names = fields[Field.text.rawValue].names
            var stagedAfterReading = [Pending(on: .global()) { Result { try StagedTable.vocabulary(vocabulary, names: names) } }]
            if let analysedLexicon {
                stagedAfterReading.append(Pending(on: .global()) {
                    Result { try StagedTable.expansions(of: analysedLexicon.wait().get(), narrowedTo: vocabulary.keys) }
                })
            }
            try spill.rewindForReading()
            let runs = try gatherPostings(from: spill, fields: fields, passageCount: count, meter: meter)
            let termCount = try writeTerms(runs, fields: fields, database: database)
            meter.tick(BuildProgress(phase: .writing, passages: count, total: count, fraction: nil, elapsed: meter.elapsed), force: true)
            try writeExperts(experts.summaries, database: database)
            try functionWords.write(to: database)
            var vectors = SemanticIndexing.Outcome.notRequested
            if let texts, let embedder = semantic.embedder {
                if semantic.wants(passages: count) {
                    try VectorWriter(semantic: semantic, embedder: embedder).write(count: count, from: texts, to: database, meter: meter)
                    vectors = .made(count: count, encoder: embedder.identifier)
                } else {
                    vectors = .skippedAsTooLarge(passages: count)
                }
            }
            try writeMeta(passageCount: count, contentHash: contentHash, origin: origin, encoder: vectors, database: database)
            return (Summary(passages: count, experts: experts.summaries.count, terms: termCount, expansions: 0, runs: runs.runsWritten,
                            vectors: vectors), staged + stagedAfterReading)
        }
        // The word tables, written on other threads meanwhile, are copied in once nothing else writes.
        var summary = written
        for pending in staged {
            let table = try pending.wait().get()
            try table.copy(into: database)
            if table.name == .expansions { summary.expansions = table.rowCount }
        }
        return summary
    }

    /// Numbers and counts the terms of one passage's fields, and spills its term counts.
    static func count(_ terms: [[NumberedTerm]], from thread: Int, renumbering: inout TermRenumbering, fields: inout [FieldTerms],
                      tally: inout TermTally, spill: SpillFile) throws {
        for field in Field.allCases {
            tally.clear()
            fields[field.rawValue].countLength(terms[field.rawValue].count)
            for term in terms[field.rawValue] {
                let id = renumbering.id(of: term, from: thread, in: field, fields: &fields)
                if field == .text { fields[field.rawValue].countOccurrence(of: id, capitalized: term.isCapitalized) }
                tally.add(id)
            }
            try spill.write(UInt64(tally.terms.count))
            for id in tally.terms {
                fields[field.rawValue].countPassage(id)
                try spill.write(UInt64(id))
                try spill.write(UInt64(tally.count(of: id)))
            }
        }
    }

    /// A term's posting in a passage, weighed, on its way to `PostingRuns`.
    struct WeighedPosting {
        var field: Int
        var rank: Int32
        var posting: Posting
    }

    /// A term's row of the store's `terms` table, encoded.
    struct TermRow {
        var field: Int
        var term: String
        var documentFrequency: Int
        var maxWeight: Double
        var postings: [UInt8]
    }

    /// How many passages' postings, and how many terms' rows (or rows of how many bytes of postings,
    /// whichever comes first: a common term's list is large), are handed from one thread to the other
    /// at a time.
    static let passagesPerHandoff = 1_024
    static let rowsPerHandoff = 256
    static let rowBytesPerHandoff = 1 << 20

    /// The second pass: each passage's posting weights per field (`TermSaturation`), from its spilled counts.
    ///
    /// Reading and weighing the counts, and gathering the postings into runs, take about as long as
    /// each other: the first half runs on another thread (`handOff`).
    func gatherPostings(from spill: SpillFile, fields: [FieldTerms], passageCount: Int, meter: ProgressMeter) throws -> PostingRuns {
        let runs = PostingRuns(termCounts: fields.map(\.terms.count), limit: runPostings)
        let ranks = fields.map { $0.ranks() }
        let averageLength = fields.map { TermSaturation.averageLength(totalLength: $0.totalLength, passages: $0.passagesWithTerms) }
        meter.begin()
        try handOff(produce: { put in
            var batch: [WeighedPosting] = []
            var counts: [(rank: Int32, count: Int)] = []
            for doc in 0..<passageCount {
                let lead = Double(bitPattern: try spill.read())
                for field in Field.allCases {
                    let f = field.rawValue
                    counts.removeAll(keepingCapacity: true)
                    var length = 0
                    for _ in 0..<Int(try spill.read()) {
                        let id = Int(try spill.read())
                        let termCount = Int(try spill.read())
                        counts.append((ranks[f][id], termCount))
                        length += termCount
                    }
                    let factor = field == .question ? lead : 1
                    for (rank, count) in counts {
                        let weight = TermSaturation.standard.weight(count: count, length: length, averageLength: averageLength[f])
                        batch.append(WeighedPosting(field: f, rank: rank, posting: Posting(passage: Int32(doc), weight: WeightQuantization.quantised(weight * factor))))
                    }
                }
                if (doc + 1) % Self.passagesPerHandoff == 0 || doc + 1 == passageCount {
                    try put((batch, doc + 1))
                    batch = []
                }
            }
        }, consume: { (batch: [WeighedPosting], passages: Int) in
            for weighed in batch { try runs.append(weighed.posting, field: weighed.field, term: weighed.rank) }
            meter.tick(BuildProgress(phase: .weighing, passages: passages, total: passageCount, fraction: nil, elapsed: meter.elapsed))
        })
        return runs
    }

    /// Writes every term's posting list into `terms`; merging the runs and encoding the lists runs
    /// on another thread (`handOff`) while this one inserts the rows.
    func writeTerms(_ runs: PostingRuns, fields: [FieldTerms], database: Database) throws -> Int {
        let terms = fields.map(\.terms)
        let insertTerm = try database.statement("INSERT INTO terms(field, term, df, max_weight, postings) VALUES (?, ?, ?, ?, ?)")
        var termCount = 0
        try handOff(produce: { put in
            let sortedTerms = terms.map { $0.sorted() }
            var rows: [TermRow] = []
            var bytes = 0
            try runs.merge { field, rank, postings in
                let list = PostingList(postings: postings)
                let row = TermRow(field: field, term: sortedTerms[field][Int(rank)], documentFrequency: list.documentFrequency,
                                  maxWeight: Double(list.maxWeight), postings: PostingCodec.encode(list.postings))
                rows.append(row)
                bytes += row.postings.count
                if rows.count == Self.rowsPerHandoff || bytes >= Self.rowBytesPerHandoff {
                    try put(rows)
                    rows = []
                    bytes = 0
                }
            }
            try put(rows)
        }, consume: { (rows: [TermRow]) in
            for row in rows {
                insertTerm.reset()
                try insertTerm.bind(row.field, row.term, row.documentFrequency, row.maxWeight, row.postings)
                try insertTerm.run()
            }
            termCount += rows.count
        })
        return termCount
    }

    /// Every term of any field with its text-field document frequency.
    static func vocabulary(_ fields: [FieldTerms]) -> [String: Int] {
        var vocabulary: [String: Int] = [:]
        for field in Field.allCases {
            let terms = fields[field.rawValue]
            for (id, term) in terms.terms.enumerated() {
                vocabulary[term] = max(vocabulary[term] ?? 0, field == .text ? Int(terms.documentFrequency[id]) : 0)
            }
        }
        return vocabulary
    }

    func writeExperts(_ experts: [ExpertSummary], database: Database) throws {
        let insertExpert = try database.statement("INSERT INTO experts(rank, name, role, passages, questions) VALUES (?, ?, ?, ?, ?)")
        for (rank, summary) in experts.enumerated() {
            insertExpert.reset()
            try insertExpert.bind(rank, summary.expert.name, summary.expert.role, summary.passages, summary.questions.joined(separator: "\n"))
            try insertExpert.run()
        }
    }

    func writeMeta(passageCount: Int, contentHash: String, origin: String, encoder vectors: SemanticIndexing.Outcome, database: Database) throws {
        let insertMeta = try database.statement("INSERT INTO meta(key, value) VALUES (?, ?)")
        var encoder: [(String, String)] = []
        if case .made(_, let identifier) = vectors { encoder = [(StoreMeta.encoder, identifier)] }
        for (key, value) in encoder + [
            (StoreMeta.passageCount, String(passageCount)),
            (StoreMeta.contentHash, contentHash),
            (StoreMeta.analyzer, StoreMeta.analyzerVersion),
            (StoreMeta.recipe, StoreMeta.currentRecipe),
            (StoreMeta.origin, origin),
            (StoreMeta.builtAt, ISO8601DateFormatter().string(from: Date())),
        ] {
            insertMeta.reset()
            try insertMeta.bind(key, value)
            try insertMeta.run()
        }
    }
}

/// Keys of the store's `meta` table.
public enum StoreMeta {
    public static let passageCount = "passage_count"
    /// The `ContentHash` of the input the store was built from.
    public static let contentHash = "content_hash"
    /// Which text analysis the terms were made with; a store made otherwise must be rebuilt.
    public static let analyzer = "analyzer"
    /// The `currentRecipe` of the Panelist that built the store.
    public static let recipe = "recipe"
    /// Names what, besides the schema, the analysis, the corpus and the encoder, decides what a build
    /// writes: the bundled lexicon, what the dictionary derives from it (3: combining forms) and how
    /// passage vectors are pooled (2: over the answer's tokens). A store of another recipe is
    /// read as it is, but the default store, built from the bundled corpus, is rebuilt, so that a
    /// Panelist that brings a new lexicon or pooling answers with them (`DefaultStore.open`). Bumped
    /// with each such change; `DefaultStoreTests.aChangedLexiconBumpsTheRecipe` fails when the lexicon
    /// changes without it.
    public static let currentRecipe = "3"
    public static let builtAt = "built_at"
    /// The `TextEmbedder.identifier` of the vectors in `vectors`; absent when the store has none.
    public static let encoder = "encoder"
    /// Where the corpus came from: `bundledOrigin`, or the indexed paths joined by newlines.
    public static let origin = "origin"
    /// The origin of a store built from the bundled corpus.
    public static let bundledOrigin = "bundled"
    /// The current analysis: Unicode folding, Snowball stop words, Porter2 stemming, compounds;
    /// /6: passage vectors normalised with their squares summed in term order,
    /// weights kept to 16 bits (`WeightQuantization`);
    /// /7: expansion keys of phrases with function words keep them ("make up"), related phrases
    /// that would lose them are left out; /8: between equally strong relations the one of fewer
    /// words wins; /9: affix variants follow the order of the prefix list; /10: posting weights
    /// are BM25's saturated, length-normalised term frequencies (`TermSaturation`), not unit TF-IDF vectors;
    /// /11: the dictionary holds every single word WordNet has (`ExpansionTable.WordKind.rare`), so a
    /// word known to neither it nor the corpus is taken for a name.
    public static let analyzerVersion = "fold+snowball-stop+porter2+compounds+lead+wordnet+affix+bm25/11"
}
