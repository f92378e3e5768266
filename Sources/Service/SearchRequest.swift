import Answering
import Rendering
import Search

/// A search: `{"query", "k", "expert", "explain"}`, as `POST /v1/search` and the MCP `search` tool take it.
public struct SearchRequest: Codable, Sendable, Equatable {
    public var query: String
    /// How many passages, 1 to 50 (default 5).
    public var k: Int?
    /// Only this expert's passages (full name or surname).
    public var expert: String?
    /// Whether each passage carries its score's explanation.
    public var explain: Bool?

    public init(query: String, k: Int? = nil, expert: String? = nil, explain: Bool? = nil) {
        self.query = query
        self.k = k
        self.expert = expert
        self.explain = explain
    }

    /// The ranked passages for the query (what `panelist search` prints).
    ///
    /// - Throws: `ServiceError.invalidRequest` for a `k` out of range, `AnswerError` for an unusable
    ///   query or unknown expert, `DatabaseError` when the store fails.
    public func result(on retriever: Retriever) throws -> SearchResult {
        let query = try retriever.query(for: self.query, functionWords: true)
        return try retriever.search(query, k: try PassageCount.validated(k), expert: expert.map(retriever.expert(named:)), explain: explain ?? false)
    }

    /// The passages for the query, as `search --json` prints them.
    ///
    /// - Throws: As `result(on:)`.
    public func run(on retriever: Retriever) throws -> SearchOutput {
        SearchOutput(query: query, result: try result(on: retriever), explained: explain ?? false)
    }
}
