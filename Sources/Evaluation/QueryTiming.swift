import Answering
import Foundation
import Search

/// Times `Retriever.search` on a list of queries in one process, for the benchmark
/// (`scripts/benchmark.py`): each query once to warm up, then each again, timed.
public struct QueryTiming: Sendable, Encodable {
    /// One query of a benchmark file: `{"qid", "query", …}` a line; other fields are ignored.
    public struct Item: Sendable, Decodable {
        public var qid: String
        public var query: String
    }

    /// One timed query: its id, the seconds it took and the ids of the passages returned, best first.
    public struct Sample: Sendable, Encodable {
        public var qid: String
        public var seconds: Double
        public var ids: [String]
    }

    public var samples: [Sample]

    /// The queries of a JSON Lines file.
    ///
    /// - Throws: when the file cannot be read or a line is not a query object.
    public static func load(from url: URL) throws -> [Item] {
        let decoder = JSONDecoder()
        return try Data(contentsOf: url).split(separator: UInt8(ascii: "\n")).map { try decoder.decode(Item.self, from: Data($0)) }
    }

    /// Runs every query through `retriever` twice and keeps the second, timed run.
    ///
    /// A query the retriever refuses (only stop words, say) counts as returning nothing.
    ///
    /// - Parameter k: How many passages each query returns.
    public static func run(_ items: [Item], retriever: Retriever, k: Int) throws -> QueryTiming {
        for item in items { _ = try search(item.query, retriever: retriever, k: k) }
        var samples: [Sample] = []
        samples.reserveCapacity(items.count)
        for item in items {
            let started = DispatchTime.now().uptimeNanoseconds
            let ids = try search(item.query, retriever: retriever, k: k)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            samples.append(Sample(qid: item.qid, seconds: seconds, ids: ids))
        }
        return QueryTiming(samples: samples)
    }

    static func search(_ text: String, retriever: Retriever, k: Int) throws -> [String] {
        guard let query = try? retriever.query(for: text, functionWords: true) else { return [] }
        return try retriever.search(query, k: k).passages.map(\.passage.id)
    }
}
