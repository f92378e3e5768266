import Answering
import Foundation
import Rendering
import Service

/// A chat completion as OpenAI's API returns it, whole (`chat.completion`) or as stream chunks
/// (`chat.completion.chunk`); the `panelist` field carries the structured answer (docs/JSON.md).
struct ChatCompletion: Encodable {
    var id: String
    var object: String
    var created: Int
    var model: String
    var choices: [Choice]
    var panelist: AnswerOutput?

    struct Choice: Encodable {
        var index = 0
        var message: Message?
        var delta: Message?
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case index, message, delta, finishReason = "finish_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encodeIfPresent(message, forKey: .message)
            try container.encodeIfPresent(delta, forKey: .delta)
            // Present as null until the last chunk, as OpenAI sends it.
            try container.encode(finishReason, forKey: .finishReason)
        }
    }

    struct Message: Encodable {
        var role: String?
        var content: String?
    }

    /// The one model this server offers.
    static let model = "panelist"

    /// The whole reply.
    static func whole(_ reply: ChatReply, id: String, created: Int) -> ChatCompletion {
        ChatCompletion(id: id, object: "chat.completion", created: created, model: model,
                       choices: [Choice(message: Message(role: "assistant", content: reply.text), finishReason: "stop")],
                       panelist: reply.output)
    }

    /// The reply as stream chunks: the role, the text in pieces, then the end with the structured answer.
    static func chunks(_ reply: ChatReply, id: String, created: Int) -> [ChatCompletion] {
        func chunk(_ delta: Message, finish: String? = nil, panelist: AnswerOutput? = nil) -> ChatCompletion {
            ChatCompletion(id: id, object: "chat.completion.chunk", created: created, model: model,
                           choices: [Choice(delta: delta, finishReason: finish)], panelist: panelist)
        }
        return [chunk(Message(role: "assistant", content: ""))]
            + pieces(of: reply.text).map { chunk(Message(content: $0)) }
            + [chunk(Message(), finish: "stop", panelist: reply.output)]
    }

    /// `text` cut after spaces into pieces of about `size` characters; joined, they are `text`.
    static func pieces(of text: String, size: Int = 48) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "\n", current.count >= size {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// A fresh completion id, `chatcmpl-` and 24 hex digits.
    static func newID() -> String {
        "chatcmpl-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(24)
    }
}
