import Retrieval

/// A term of an analysed text as a number: which of the analysing thread's terms it is, and whether
/// its word was written with a capital first letter.
struct NumberedTerm: Sendable, Equatable {
    /// The number, with `capitalFlag` when capitalised.
    let bits: UInt32

    /// The number `TermNumberer` gave the term.
    var number: Int { Int(bits & ~Self.capitalFlag) }
    var isCapitalized: Bool { bits & Self.capitalFlag != 0 }

    init(number: Int, isCapitalized: Bool) {
        precondition(number < Int(Self.capitalFlag), "more distinct terms than a build numbers")
        bits = UInt32(number) | (isCapitalized ? Self.capitalFlag : 0)
    }

    init(bits: UInt32) {
        self.bits = bits
    }

    private static let capitalFlag: UInt32 = 1 << 31
}

/// Analyses the texts of a build on one thread and gives each term a number, so that what the
/// thread hands over is numbers rather than strings, and the builder's thread looks a term's
/// string up once for each thread rather than once for each occurrence.
///
/// Numbers are given in order of first appearance on this thread; `takeNewTerms` hands over the
/// terms numbered since it was last called, to be read in the same order the texts are. A chunk's
/// terms depend only on the chunk and on whether its text has lower-case letters, so a chunk met
/// again is not analysed again (`ChunkMemo`). Memory for chunks is bounded: they are kept in two
/// generations of at most `chunkLimit` each; when the recent one is full it becomes the older one and the chunks of
/// the older one not used since are forgotten. Not thread-safe: give each thread its own.
///
/// Its stored state skips Swift's run-time exclusivity checks (`@exclusivity(unchecked)`): no
/// method reaches a property while another access to it is open, and the checks on every chunk
/// were a sixth of the 2 % of a 100k build's CPU time that such checks took.
final class TermNumberer {
    let analyzer: Analyzer
    @exclusivity(unchecked) private var numbers: [String: Int] = [:]
    @exclusivity(unchecked) private var newTerms: [String] = []
    @exclusivity(unchecked) private var recent: ChunkMemo
    @exclusivity(unchecked) private var older: ChunkMemo

    /// A numberer whose memory of chunks keeps at most `chunkLimit` in each generation.
    init(analyzer: Analyzer, chunkLimit: Int) {
        self.analyzer = analyzer
        recent = ChunkMemo(limit: chunkLimit)
        older = ChunkMemo(limit: chunkLimit)
    }

    /// Appends the numbered terms of `text` to `terms`, in order, and returns its stop words.
    @discardableResult
    func number(_ text: String, into terms: inout [NumberedTerm]) -> FunctionWordSet {
        var functionWords = FunctionWordSet()
        analyzer.forEachChunk(of: text) { chunk, hasLowercase in
            switch self.chunk(chunk, hasLowercase: hasLowercase) {
            case .none(let words): functionWords.formUnion(words)
            case .one(let term): terms.append(term)
            case .several(let numbered, let words):
                terms.append(contentsOf: numbered)
                functionWords.formUnion(words)
            }
        }
        return functionWords
    }

    /// The terms numbered since the last call, in order of their numbers.
    func takeNewTerms() -> [String] {
        defer { newTerms.removeAll() }
        return newTerms
    }

    private func chunk(_ chunk: UnsafeBufferPointer<UInt8>, hasLowercase: Bool) -> NumberedChunk {
        let key = ChunkMemo.Key(chunk, hasLowercase: hasLowercase)
        if let known = recent.value(for: key) { return known }
        let numbered = older.value(for: key) ?? analyse(String(decoding: chunk, as: UTF8.self), hasLowercase: hasLowercase)
        if recent.isFull {
            swap(&recent, &older)
            recent.removeAll()
        }
        recent.insert(numbered, for: key)
        return numbered
    }

    private func analyse(_ chunk: String, hasLowercase: Bool) -> NumberedChunk {
        let analysis = analyzer.analyse(chunk: chunk, hasLowercase: hasLowercase)
        let terms = analysis.tokens.map { token in
            NumberedTerm(number: number(of: token.term), isCapitalized: token.isCapitalized)
        }
        switch terms.count {
        case 0: return .none(analysis.functionWords)
        case 1 where analysis.functionWords.isEmpty: return .one(terms[0])
        default: return .several(terms, analysis.functionWords)
        }
    }

    private func number(of term: String) -> Int {
        if let known = numbers[term] { return known }
        let number = numbers.count
        numbers[term] = number
        newTerms.append(term)
        return number
    }
}
