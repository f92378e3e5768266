import Foundation
import Logging

/// A swift-log handler that writes one JSON object per event to standard error:
/// `{"time", "level", "label", "message", …metadata}`, so a log collector reads fields, not prose.
///
/// Standard error because the MCP server's standard output is its protocol channel.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = "\(value)"
        }
        fields["time"] = Date().formatted(.iso8601)
        fields["level"] = event.level.rawValue
        fields["label"] = label
        fields["message"] = "\(event.message)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(fields) else { return }
        line.append(0x0A)
        Self.output.write(line)
    }

    /// Events from several threads are written whole, one after another.
    private static let output = LockedOutput()
}

/// Standard error behind a lock.
private final class LockedOutput: @unchecked Sendable {
    // Invariant: `handle` is written only while `lock` is held.
    private let lock = NSLock()
    private let handle = FileHandle.standardError

    /// Writes `line` whole; a closed standard error loses it rather than ending the server.
    func write(_ line: Data) {
        lock.withLock { try? handle.write(contentsOf: line) }
    }
}
