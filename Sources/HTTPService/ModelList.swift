/// `GET /v1/models`: the one model, `panelist`, in OpenAI's list shape.
struct ModelList: Encodable {
    struct Model: Encodable {
        var id: String
        var object = "model"
        var created = 0
        var ownedBy = "panelist"

        enum CodingKeys: String, CodingKey {
            case id, object, created, ownedBy = "owned_by"
        }
    }

    var object = "list"
    var data = [Model(id: ChatCompletion.model)]
}
