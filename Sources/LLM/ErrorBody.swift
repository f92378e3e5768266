import Foundation

/// Pulls a human-readable message out of an error response body.
///
/// Understands the shapes servers actually send: OpenAI and Ollama `{"error":{"message":…}}`,
/// llama.cpp `{"error":{"code":…,"message":…,"type":…}}`, a plain `{"error":"…"}`, FastAPI-style
/// `{"detail":…}` (a string, a list of validation problems, or an object), a top-level `message`,
/// and anything else: the first non-empty line of the text, HTML tags stripped, cut to 200 characters.
enum ErrorBody {
    /// The longest message taken from a body that is not JSON.
    static let maximumLength = 200

    /// The message in an error body.
    ///
    /// - Parameter bytes: The response body.
    /// - Returns: One line of text, or `nil` when the body is empty or holds nothing readable.
    static func message(from bytes: [UInt8]) -> String? {
        message(from: String(decoding: bytes, as: UTF8.self))
    }

    /// The message in an error body.
    ///
    /// - Parameter text: The response body as text.
    /// - Returns: One line of text, or `nil` when the body is empty or holds nothing readable.
    static func message(from text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let data = trimmed.data(using: .utf8),
           let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            // A message of nothing but white space (`" "`) is no message: the body is shown instead.
            if let found = message(inJSON: json).map(oneLine), !found.isEmpty {
                return found
            }
            if json is [String: Any] || json is [Any] {
                return oneLine(trimmed)
            }
        }
        return firstLine(of: trimmed)
    }

    /// The message inside a decoded JSON error body, looking through `error`, `detail` and `message`.
    private static func message(inJSON json: Any) -> String? {
        if let text = json as? String {
            return text.isEmpty ? nil : text
        }
        if let list = json as? [Any] {
            let parts = list.compactMap { message(inJSON: $0) }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        guard let object = json as? [String: Any] else { return nil }
        if let problem = object["msg"] as? String, let location = object["loc"] as? [Any] {
            let path = location.map { "\($0)" }.joined(separator: ".")
            return path.isEmpty ? problem : "\(path): \(problem)"
        }
        for key in ["error", "detail", "message", "msg"] {
            if let value = object[key], let found = message(inJSON: value) {
                return found
            }
        }
        if let type = object["type"] as? String, !type.isEmpty {
            return type
        }
        return nil
    }

    /// The text squeezed onto one line and cut to `maximumLength` characters.
    private static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return truncated(words.joined(separator: " "))
    }

    /// The first non-empty line of a non-JSON body, with HTML tags removed.
    private static func firstLine(of text: String) -> String? {
        let visible = text.hasPrefix("<") ? strippingTags(text) : text
        let line = visible
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        return line.map(truncated)
    }

    /// The text with everything between `<` and `>` replaced by line breaks.
    private static func strippingTags(_ text: String) -> String {
        var result = ""
        var insideTag = false
        for character in text {
            switch character {
            case "<":
                insideTag = true
                result.append("\n")
            case ">":
                insideTag = false
            default:
                if !insideTag { result.append(character) }
            }
        }
        return result
    }

    /// The text cut to `maximumLength` characters, with an ellipsis when something was cut.
    private static func truncated(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength)) + "…"
    }
}
