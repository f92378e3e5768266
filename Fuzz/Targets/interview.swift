@testable import Corpus
import Foundation

/// Interview text (`.txt`) as `DocumentLoader` reads a file: bytes, UTF-8 check, `InterviewParser`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterview(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    checkPassages(of: bytes, name: "fuzz.txt")
    return 0
}
