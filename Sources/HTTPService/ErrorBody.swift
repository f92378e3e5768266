/// The JSON of every error response: `{"error": {"message", "type", "code"}}`, the shape OpenAI's
/// API uses, so its clients show `message`.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var message: String
        /// `invalid_request_error` for the client's mistakes, `server_error` for the server's.
        var type: String
        /// What went wrong, as a word: `invalid_request`, `not_found`, `too_large`, … (docs/JSON.md).
        var code: String
    }

    var error: Detail

    init(message: String, code: String, isClientError: Bool) {
        error = Detail(message: message, type: isClientError ? "invalid_request_error" : "server_error", code: code)
    }
}
