import Hummingbird
import Logging
import Service

/// Logs every request (method, path, status, milliseconds) and turns every error into a JSON error
/// response, so no failure reaches a client as an empty body or ends the server.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try errorResponse(error, request: request, context: context)
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)",
            "status": "\(response.status.code)", "ms": "\((milliseconds * 100).rounded() / 100)",
        ])
        return response
    }

    private func errorResponse(_ error: any Error, request: Request, context: Context) throws -> Response {
        switch error {
        case let error as ServiceError:
            return try error.response(from: request, context: context)
        case let error as HTTPError where error.status == .notFound:
            let routes = "GET /, GET /health, GET /v1/models, POST /v1/search, POST /v1/ask, POST /v1/chat/completions"
            return try ServiceError(.notFound, "no route \(request.method) \(request.uri.path); this server has \(routes)")
                .response(from: request, context: context)
        case let error as any HTTPResponseError where error.status.code < 500:
            let body = ErrorBody(message: "\(error.status.reasonPhrase)", code: "http_\(error.status.code)", isClientError: true)
            return try JSONResponse.make(body, status: error.status)
        default:
            logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            return try ServiceError(.internalFailure, "the server failed to answer; its log says why")
                .response(from: request, context: context)
        }
    }
}
