@testable import Retrieval
import Foundation

/// `Analyzer.tokens` over any text (passages when indexing, questions when asking).
///
/// The tokens must be the same with and without a memo (one memo is kept across inputs, small, so
/// that its generations turn over), the same on the ASCII path and the Unicode path (a trailing
/// separator that is not ASCII forces the latter), with terms and words that are not empty and
/// positions that never go back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let tokens = analyzer.tokens(text)
    var position = 0
    for token in tokens {
        fuzzCheck(!token.term.isEmpty && !token.word.isEmpty, "empty term or word in \(token)")
        fuzzCheck(token.position >= position, "positions go back at \(token)")
        position = token.position
    }
    fuzzCheck(analyzer.tokens(text, memo: memo) == tokens, "a memo changed the tokens")
    fuzzCheck(analyzer.tokens(text + " §") == tokens, "the Unicode path gave other tokens than the ASCII path")
    fuzzCheck(analyzer.terms(text) == tokens.map(\.term), "terms and tokens disagree")
    for token in tokens.prefix(64) {
        _ = analyzer.stem(analyzer.fold(token.word))
    }
    return 0
}

let analyzer = Analyzer()

/// Shared by all inputs; only this target's single thread touches it.
nonisolated(unsafe) let memo = AnalysisMemo(limit: 64)
