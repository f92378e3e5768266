import Answering
import MCP
import Rendering
import Service

/// The MCP resources: every expert (`panelist://expert/{name}`) and every passage
/// (`panelist://passage/{id}`), listed in pages and read as JSON.
struct PanelResources {
    let panel: Panel
    /// Passages per page of `resources/list`.
    static let pageSize = 100

    static let templates: [Resource.Template] = [
        Resource.Template(uriTemplate: ResourceAddress.passageTemplate, name: "passage",
                          description: "A passage of an interview: expert, role, question, text and source, as JSON.",
                          mimeType: "application/json"),
        Resource.Template(uriTemplate: ResourceAddress.expertTemplate, name: "expert",
                          description: "An expert: role, passage count and the questions they answer, as JSON.",
                          mimeType: "application/json"),
    ]

    /// A page of resources: the experts and the first passages, then passages after the cursor.
    ///
    /// - Throws: `MCPError.invalidParams` for a cursor this server did not give.
    func list(cursor: String?) async throws -> ListResources.Result {
        var resources: [Resource] = []
        var after: Int32?
        if let cursor {
            guard let doc = Int32(cursor) else { throw MCPError.invalidParams("resources/list: “\(cursor)” is not a cursor this server gave") }
            after = doc
        } else {
            resources = try await translating { try await panel.experts() }.map { expert in
                Resource(name: expert.name, uri: ResourceAddress.expert(name: expert.name).uri,
                         description: expert.role.isEmpty ? "an expert" : expert.role, mimeType: "application/json")
            }
        }
        let page = try await translating { try await panel.passageIndex(after: after, limit: Self.pageSize) }
        resources += page.entries.map { entry in
            Resource(name: entry.id, uri: ResourceAddress.passage(id: entry.id).uri,
                     description: entry.expert.isEmpty ? "a passage" : "a passage by \(entry.expert)", mimeType: "application/json")
        }
        return ListResources.Result(resources: resources, nextCursor: page.next.map(String.init))
    }

    /// The resource at `uri`, as JSON text.
    ///
    /// - Throws: `MCPError.invalidParams` for a URI that names nothing in this store.
    func read(uri: String) async throws -> ReadResource.Result {
        guard let address = ResourceAddress(uri: uri) else {
            throw MCPError.invalidParams("“\(uri)” is not a Panelist resource; use \(ResourceAddress.passageTemplate) or \(ResourceAddress.expertTemplate)")
        }
        let json: String
        switch address {
        case .passage(let id):
            json = try JSONLine.encode(try await translating { try await panel.passage(id: id) })
        case .expert(let name):
            guard let expert = try await translating({ try await panel.experts() }).first(where: { $0.name == name }) else {
                throw MCPError.invalidParams("no expert called “\(name)” in this corpus; list_experts gives their names")
            }
            json = try JSONLine.encode(expert)
        }
        return ReadResource.Result(contents: [.text(json, uri: uri, mimeType: "application/json")])
    }

    private func translating<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as ServiceError {
            throw MCPError(error)
        }
    }
}
