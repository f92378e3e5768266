import Bundled
import Foundation

/// One line of `panelist corpora --json`: `{"name", "experts", "passages", "bytes", "built", "source", "path"}`.
struct CorpusOutput: Encodable {
    var name: String
    var experts: Int
    var passages: Int
    var bytes: Int64
    /// ISO 8601, UTC.
    var built: String
    /// The files and folders indexed, or the bundled corpus's file name.
    var source: [String]
    var path: String

    init(_ entry: CorpusCatalog.Entry) {
        name = entry.name
        experts = entry.experts
        passages = entry.passages
        bytes = entry.bytes
        built = ISO8601DateFormatter().string(from: entry.built)
        source = entry.source
        path = entry.path
    }
}
