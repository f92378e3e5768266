import Answering
import Hummingbird
import Rendering

/// A server-sent event stream (`text/event-stream`) of JSON events ended by `data: [DONE]`, as
/// OpenAI's streaming API sends it.
enum EventStream {
    /// A response that sends each of `events` as one `data:` event.
    ///
    /// - Throws: The encoder's error for an event that cannot be encoded.
    static func response(_ events: [some Encodable]) throws -> Response {
        let lines = try events.map { "data: \(try JSONLine.encode($0))\n\n" } + ["data: [DONE]\n\n"]
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for line in lines { try await writer.write(ByteBuffer(string: line)) }
            try await writer.finish(nil)
        })
    }
}
