import Hummingbird
import Service

/// Lets a request through only with `Authorization: Bearer <token>`.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], Self.equalInConstantTime(header, "Bearer \(token)") else {
            throw ServiceError(.unauthorized, "this server needs its access token: send the header Authorization: Bearer <the server's \(ServeSettings.tokenVariable)>")
        }
        return try await next(request, context)
    }

    /// Compares every byte whatever the first difference, so response time says nothing of the token.
    static func equalInConstantTime(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        var difference = a.count ^ b.count
        for index in 0..<max(a.count, b.count) {
            difference |= Int((index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0))
        }
        return difference == 0
    }
}
