@testable import LLM
import Foundation

/// Server-sent events as a streamed chat reply delivers them, in pieces split anywhere.
///
/// `ServerSentEventParser` must give the same events whole, byte by byte and in pieces whose size
/// the input picks; `ChatResponseReader` must turn the stream into a reply or an `LLMError` whose
/// message is one line naming the host.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServerSentEvents(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let whole = events(of: bytes, pieceSize: max(bytes.count, 1))
    fuzzCheck(events(of: bytes, pieceSize: 1) == whole, "byte by byte gave other events")
    let pieceSize = Int(bytes.last ?? 0) % 13 + 2
    fuzzCheck(events(of: bytes, pieceSize: pieceSize) == whole, "pieces of \(pieceSize) gave other events")
    checkReply(streaming: true, status: 200, body: bytes, pieceSize: pieceSize)
    return 0
}

/// All the events of `bytes` fed in pieces of `pieceSize`, and those `finish` flushes.
func events(of bytes: [UInt8], pieceSize: Int) -> [ServerSentEvent] {
    var parser = ServerSentEventParser()
    var events: [ServerSentEvent] = []
    var start = 0
    while start < bytes.count {
        let end = min(start + pieceSize, bytes.count)
        events += parser.feed(bytes[start..<end])
        start = end
    }
    return events + parser.finish()
}
