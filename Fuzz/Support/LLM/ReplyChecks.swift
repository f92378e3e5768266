@testable import LLM
import Foundation

/// The host named in every message of the reader.
let fuzzHost = "fuzz.invalid:8080"

/// Reads `body` as the response to a chat request, as `ChatClient` does, in pieces of `pieceSize`.
///
/// The reply must be some text, or the error an `LLMError` whose message is one line naming the host.
func checkReply(streaming: Bool, status: Int, body: [UInt8], pieceSize: Int) {
    var reader = ChatResponseReader(streaming: streaming, host: fuzzHost, maxTokens: 64)
    var delivered = ""
    do {
        var start = 0
        var more = true
        while more, start < body.count {
            let end = min(start + pieceSize, body.count)
            more = try body[start..<end].withUnsafeBytes { try reader.consume(status: status, bytes: $0) { delivered += $0 } }
            start = end
        }
        let reply = try reader.finish(status: status) { delivered += $0 }
        fuzzCheck((200..<300).contains(status), "a reply for HTTP \(status)")
        fuzzCheck(!reply.text.isEmpty && reply.text == delivered, "reply \(reply.text.debugDescription) but delivered \(delivered.debugDescription)")
    } catch let error as LLMError {
        fuzzCheck(!error.message.isEmpty && error.message.contains(fuzzHost), "message without the host: \(error.message)")
        fuzzCheck(!error.message.contains(where: \.isNewline), "message of several lines: \(error.message.debugDescription)")
        if !(200..<300).contains(status) {
            fuzzCheck(error.code == .httpStatus && error.httpStatus == status, "HTTP \(status) reported as \(error.code)")
        }
    } catch {
        fuzzCheck(false, "an error that is not an LLMError: \(error)")
    }
}
