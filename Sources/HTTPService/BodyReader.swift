import Foundation
import Hummingbird
import Service

/// Reads a request's body whole, within the size limit and the time limit.
enum BodyReader {
    /// The body as bytes.
    ///
    /// - Throws: `ServiceError.tooLarge` past `limits.maxBodyBytes` (at once when Content-Length says
    ///   so), `ServiceError.timeout` when the client has not sent it all within `limits.requestTimeout`.
    static func read(_ request: Request, limits: ServiceLimits) async throws -> Data {
        let tooLarge = ServiceError(.tooLarge, "the request body is over \(limits.maxBodyBytes) bytes; send a shorter one")
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes { throw tooLarge }
        let body = request.body
        let limit = limits.maxBodyBytes
        let timeout = limits.requestTimeout
        let buffer: ByteBuffer? = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            do {
                return try await group.next() ?? nil
            } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                throw tooLarge
            }
        }
        guard let buffer else {
            throw ServiceError(.timeout, "the request body did not arrive within \(timeout); send it whole")
        }
        return Data(buffer.readableBytesView)
    }
}
