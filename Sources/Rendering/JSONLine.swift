import Foundation

/// The one-line JSON that every `--json` mode prints: keys sorted, slashes unescaped.
public enum JSONLine {
    /// `value` as a single line of JSON, without a trailing newline.
    ///
    /// - Throws: The encoder's error for a value that cannot be encoded.
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
