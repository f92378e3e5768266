import Foundation

/// Panelist's JSON config file as a whole: the keys it knows, warnings for the others, and
/// `panelist config set` / `unset`.
///
/// The file is one JSON object (`LLMConfiguration.defaultConfigFile`). Besides the language-model
/// keys (`ConfigFileValues`) it holds `log` (false: keep no conversation log). Edits are written to
/// a temporary file, synced and renamed over the old one, so a crash leaves the old file or the new.
public struct ConfigFile: Sendable {
    /// The file.
    public let url: URL

    /// Every key Panelist reads, with the kind of value each takes.
    public static let keys: [(name: String, kind: Kind)] = [
        ("llm_url", .string), ("model", .string), ("api_key", .string), ("max_tokens", .integer),
        ("temperature", .number), ("timeout", .number), ("stream", .boolean), ("log", .boolean),
    ]

    /// What a key's value must be.
    public enum Kind: Sendable {
        case string, integer, number, boolean
    }

    public init(url: URL) {
        self.url = url
    }

    /// The config file in `environment`'s XDG or home folder.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        url = LLMConfiguration.defaultConfigFile(environment: environment)
    }

    /// The file's object, or an empty one when there is no file.
    ///
    /// - Throws: `LLMError` `.configuration` when it cannot be read or is not a JSON object.
    public func object() throws(LLMError) -> [String: Any] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard let data = try? Data(contentsOf: url) else {
            throw LLMError(.configuration, "cannot read config file \(url.path); check its permissions")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw LLMError(.configuration, "config file \(url.path) must hold a JSON object; fix or remove it (see docs/LLM.md)")
        }
        return object
    }

    /// One warning per key Panelist does not know, naming the nearest known key ("modle": did you mean "model"?).
    public func warnings() -> [String] {
        guard let object = try? object() else { return [] }
        return object.keys.sorted().compactMap { key in
            guard Self.kind(of: key) == nil else { return nil }
            let hint = Self.nearest(to: key).map { "; did you mean \"\($0)\"?" } ?? "; the keys are \(Self.keys.map(\.name).joined(separator: ", "))"
            return "config file \(url.path): unknown key \"\(key)\" is ignored\(hint)"
        }
    }

    /// Whether turns are written to the conversation log (`log`, on unless false).
    public var logsConversations: Bool {
        ((try? object())?["log"] as? Bool) ?? true
    }

    /// Sets `key` to `text`, read as the key's kind ("0.3" a number, "true" a boolean).
    ///
    /// - Throws: `LLMError` `.configuration` for an unknown key, a value of the wrong kind, or a file
    ///   that cannot be read or written.
    public func set(_ key: String, to text: String) throws(LLMError) {
        guard let kind = Self.kind(of: key) else { throw Self.unknown(key) }
        let value: Any
        switch kind {
        case .string: value = text
        case .integer:
            guard let integer = Int(text) else { throw LLMError(.configuration, "\(key) takes a whole number, not \"\(text)\"") }
            value = integer
        case .number:
            guard let number = Double(text), number.isFinite else { throw LLMError(.configuration, "\(key) takes a number, not \"\(text)\"") }
            value = number
        case .boolean:
            switch text.lowercased() {
            case "true", "on", "yes", "1": value = true
            case "false", "off", "no", "0": value = false
            default: throw LLMError(.configuration, "\(key) takes true or false, not \"\(text)\"")
            }
        }
        var object = try object()
        object[key] = value
        try write(object)
    }

    /// Removes `key` from the file.
    ///
    /// - Throws: `LLMError` `.configuration` for an unknown key or a file that cannot be read or written.
    public func unset(_ key: String) throws(LLMError) {
        guard Self.kind(of: key) != nil else { throw Self.unknown(key) }
        var object = try object()
        guard object.removeValue(forKey: key) != nil else { return }
        try write(object)
    }

    static func kind(of key: String) -> Kind? {
        keys.first { $0.name == key }?.kind
    }

    static func unknown(_ key: String) -> LLMError {
        let hint = nearest(to: key).map { "did you mean \($0)? " } ?? ""
        return LLMError(.configuration, "unknown config key \"\(key)\"; \(hint)the keys are \(keys.map(\.name).joined(separator: ", "))")
    }

    /// The known key fewest edits away from `key`, when it is close enough to be a typo.
    static func nearest(to key: String) -> String? {
        let scored = keys.map { ($0.name, distance(Array(key.lowercased()), Array($0.name))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance with transpositions counted as one edit ("modle" → "model" is 1).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Writes `object` beside the file, syncs it and renames it into place; owner-only, as it may hold a key.
    private func write(_ object: [String: Any]) throws(LLMError) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".config.json.\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            guard FileManager.default.createFile(atPath: temporary.path, contents: data + Data("\n".utf8), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(temporary.path)
            throw LLMError(.configuration, "cannot write config file \(url.path); check the folder's permissions", underlying: error)
        }
    }
}
