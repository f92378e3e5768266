import Answering
import Foundation
import Hummingbird
import Logging
import Service

/// The routes of `panelist serve`: the chat page, the JSON API and the OpenAI-compatible endpoints.
struct APIRoutes {
    let panel: Panel
    let token: String?
    let logger: Logger

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.get("/") { _, _ in ChatPage.response() }
        router.get("/health") { _, _ in try JSONResponse.make(["status": "ok"]) }
        let api = router.group("v1")
        if let token, !token.isEmpty { api.add(middleware: BearerTokenMiddleware(token: token)) }
        api.get("models") { _, _ in try JSONResponse.make(ModelList()) }
        api.post("search") { request, _ in
            let search = try await decode(SearchRequest.self, from: request, example: #"{"query": "sanctions relief", "k": 5}"#)
            return try JSONResponse.make(try await panel.search(search))
        }
        api.post("ask") { request, _ in
            let ask = try await decode(AskRequest.self, from: request, example: #"{"question": "What do the experts say about sanctions?"}"#)
            return try JSONResponse.make(try await panel.ask(ask))
        }
        api.post("chat/completions") { request, _ in
            let chat = try await decode(ChatCompletionRequest.self, from: request, example: ChatCompletionRequest.example)
            guard chat.model == ChatCompletion.model else {
                throw ServiceError(.notFound, "model “\(chat.model)” is not served here; use “\(ChatCompletion.model)” (GET /v1/models)")
            }
            let reply = try await panel.reply(to: try chat.questions())
            let id = ChatCompletion.newID()
            let created = Int(Date().timeIntervalSince1970)
            if chat.stream ?? false {
                return try EventStream.response(ChatCompletion.chunks(reply, id: id, created: created))
            }
            return try JSONResponse.make(ChatCompletion.whole(reply, id: id, created: created))
        }
        return router
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from request: Request, example: String) async throws -> Value {
        try RequestDecoder.decode(type, from: try await BodyReader.read(request, limits: panel.limits), example: example)
    }
}
