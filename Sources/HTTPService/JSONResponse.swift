import Answering
import Hummingbird
import Rendering

/// Responses whose body is one line of JSON, encoded as the `--json` modes print it (keys sorted).
enum JSONResponse {
    static let contentType = "application/json; charset=utf-8"

    /// `value` as a JSON response.
    ///
    /// - Throws: The encoder's error for a value that cannot be encoded.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: try JSONLine.encode(value) + "\n")))
    }
}
