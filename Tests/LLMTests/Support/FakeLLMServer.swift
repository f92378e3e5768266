import Foundation
import Testing
import TestSupport
@testable import LLM

extension FakeLLMServer {
    /// The base URL of the server that the enclosing suite started.
    @TaskLocal static var baseURL: String?
}

/// Runs a whole suite with one fake server, killed when the suite ends.
struct FakeLLMServerTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        try await FakeLLMServer.$baseURL.withValue(server.url) {
            try await function()
        }
    }
}

extension Trait where Self == FakeLLMServerTrait {
    /// Starts the fake LLM server for the suite.
    static var fakeLLMServer: Self { Self() }
}

/// What one call of `ChatClient.complete` produced.
struct Outcome: Sendable {
    var result: Result<ChatReply, LLMError>
    /// The pieces handed to `onText`, in order.
    var pieces: [String]
    /// Seconds from the call to the arrival of each piece.
    var pieceTimes: [Double]
    /// Seconds the call took.
    var elapsed: Double

    var reply: ChatReply? { try? result.get() }
    var error: LLMError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}

/// Settings for the suite's fake server with short timeouts and no retries.
func testSettings(
    model: String, stream: Bool = true, apiKey: String? = nil, idleTimeout: Double = 3, totalTimeout: Double = 10,
    maxRetries: Int = 0, baseURL: String? = nil
) -> LLMSettings {
    LLMSettings(
        baseURL: baseURL ?? FakeLLMServer.baseURL ?? "http://127.0.0.1:9", model: model, apiKey: apiKey,
        maxTokens: 64, temperature: 0.2, stream: stream, connectTimeout: 2, idleTimeout: idleTimeout,
        totalTimeout: totalTimeout, maxRetries: maxRetries)
}

/// Calls `complete` on a thread of its own, so a blocking transfer does not hold up the test runner's threads.
///
/// - Parameters:
///   - settings: The client settings.
///   - messages: The conversation.
///   - cancelAfterPieces: Report cancellation once this many pieces have arrived.
///   - cancelAfter: Report cancellation once this many seconds have passed.
func ask(
    _ settings: LLMSettings, messages: [ChatMessage] = [.user("Hi")], cancelAfterPieces: Int? = nil,
    cancelAfter: Double? = nil
) async -> Outcome {
    await withCheckedContinuation { continuation in
        Thread {
            let start = Date()
            var pieces: [String] = []
            var times: [Double] = []
            let counter = PieceCounter()
            let result = Result { () throws(LLMError) -> ChatReply in
                try ChatClient(settings: settings).complete(
                    messages,
                    onText: { piece in
                        pieces.append(piece)
                        times.append(Date().timeIntervalSince(start))
                        counter.count += 1
                    },
                    isCancelled: {
                        if let cancelAfterPieces, counter.count >= cancelAfterPieces { return true }
                        if let cancelAfter, Date().timeIntervalSince(start) >= cancelAfter { return true }
                        return false
                    })
            }
            continuation.resume(returning: Outcome(
                result: result, pieces: pieces, pieceTimes: times, elapsed: Date().timeIntervalSince(start)))
        }.start()
    }
}

/// The number of pieces seen so far, shared by the `onText` and `isCancelled` closures of one call.
private final class PieceCounter {
    var count = 0
}

/// A loopback port with nothing listening on it: bound, read back, and closed again.
func closedLoopbackPort() throws -> Int {
    let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socketFD >= 0)
    defer { close(socketFD) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(socketFD, generic, length) == 0 && getsockname(socketFD, generic, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}
