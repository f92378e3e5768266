import Corpus
import Foundation
import Retrieval
import Store

/// The seed corpus and the lexicon shipped with Panelist (store/carnegie-moscow-experts.txt, store/lexicon.tsv).
public enum BundledCorpus {
    /// The file name of the bundled corpus.
    public static let fileName = "carnegie-moscow-experts.txt"

    /// Where the bundled corpus file is, wherever the binary runs from.
    public static var url: URL? {
        Bundle.module.url(forResource: "carnegie-moscow-experts", withExtension: "txt")
    }

    /// The default language-model prompt templates (the project's `prompts/` folder).
    public static var promptsDirectory: URL? {
        Bundle.module.url(forResource: "prompts", withExtension: nil)
    }

    /// The WordNet-derived lexicon used for query expansion.
    ///
    /// - Throws: `CorpusError` when the file is missing, or the lexicon's parse error.
    public static func lexicon() throws -> Lexicon {
        guard let url = lexiconURL else { throw missingLexicon }
        return try Lexicon(contentsOf: url)
    }

    /// The bundled lexicon for a build, its analysis kept in `cache` (`LexiconCache`).
    ///
    /// - Throws: `CorpusError` when the file is missing.
    public static func lexiconSource(cache: CacheFolder = CacheFolder()) throws -> LexiconSource {
        guard let url = lexiconURL else { throw missingLexicon }
        return .file(url, cache: LexiconCache(in: cache))
    }

    static var lexiconURL: URL? {
        Bundle.module.url(forResource: "lexicon", withExtension: "tsv")
    }

    static let missingLexicon = CorpusError(.unreadable, "the bundled lexicon lexicon.tsv is missing from this installation; reinstall Panelist")
}
