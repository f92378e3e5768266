import Hummingbird
import Service

extension ServiceError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch code {
        case .invalidRequest: .badRequest
        case .unauthorized: .unauthorized
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .timeout: .requestTimeout
        case .tooLarge: .contentTooLarge
        case .busy: .serviceUnavailable
        default: .internalServerError
        }
    }

    public var headers: HTTPFields {
        switch code {
        case .unauthorized: [.wwwAuthenticate: "Bearer"]
        case .busy: [.retryAfter: "1"]
        // The client is still sending; its connection is not reused.
        case .timeout, .tooLarge: [.connection: "close"]
        default: [:]
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(message: message, code: code.description, isClientError: status.code < 500)
        return try JSONResponse.make(body, status: status, headers: headers)
    }
}
