@testable import Corpus
import Foundation

/// Markdown (`.md`) as `DocumentLoader` reads a file: bytes, UTF-8 check, `MarkdownParser`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkPassages(of: fuzzBytes(data, size), name: "fuzz.md")
    return 0
}
