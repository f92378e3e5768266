import Foundation
import Retrieval

/// Where a build gets the lexicon its query expansions come from.
public enum LexiconSource: Sendable {
    /// A lexicon in memory, analysed by the build.
    case lexicon(Lexicon)
    /// A lexicon file, whose analysis is read from `cache` when it is kept there, and kept there
    /// after it was made.
    case file(URL, cache: LexiconCache?)

    /// Starts making the lexicon's analysis by `analyzer` on another thread; its errors come with it.
    ///
    /// - Throws: The file's read error, before any work starts.
    func analysis(by analyzer: Analyzer) throws -> Pending<Result<AnalysedLexicon, any Error>> {
        switch self {
        case .lexicon(let lexicon):
            return Pending(on: .global()) { .success(AnalysedLexicon(lexicon, analyzer: analyzer)) }
        case .file(let url, let cache):
            let data = try Data(contentsOf: url)
            return Pending(on: .global()) {
                let key = data.withUnsafeBytes { LexiconCache.key(ofLexicon: $0, analyzer: analyzer) }
                if let kept = cache?.analysis(forKey: key, analyzer: analyzer) { return .success(kept) }
                return Result {
                    let analysis = AnalysedLexicon(try Lexicon(data: data), analyzer: analyzer)
                    cache?.keep(analysis, forKey: key)
                    return analysis
                }
            }
        }
    }
}
