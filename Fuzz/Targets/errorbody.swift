@testable import LLM
import Foundation

/// The body of a failed request: `ErrorBody.message` directly, and `ChatResponseReader` over an
/// error status and over a 200 answer that is not a stream.
///
/// The message must be nil or one non-empty line of at most `maximumLength` characters (and an
/// ellipsis), the same from bytes as from the text they decode to.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzErrorBody(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let message = ErrorBody.message(from: bytes)
    if let message {
        fuzzCheck(!message.isEmpty, "an empty message")
        fuzzCheck(!message.contains(where: \.isNewline), "a message of several lines: \(message.debugDescription)")
        fuzzCheck(message.count <= ErrorBody.maximumLength + 1, "a message of \(message.count) characters")
    }
    fuzzCheck(ErrorBody.message(from: String(decoding: bytes, as: UTF8.self)) == message, "bytes and text gave other messages")
    let status = [400, 401, 404, 429, 500, 502, 503][Int(bytes.first ?? 0) % 7]
    checkReply(streaming: false, status: status, body: bytes, pieceSize: 4096)
    checkReply(streaming: false, status: 200, body: bytes, pieceSize: 4096)
    return 0
}
