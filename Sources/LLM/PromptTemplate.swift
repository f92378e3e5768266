/// A plain-text prompt with named placeholders written `{{name}}`.
///
/// Placeholder names are letters, digits and `_` (not starting with a digit); spaces inside the
/// braces are allowed (`{{ name }}`). The set of names a template may use is fixed by its caller, so
/// a typo in a template file is caught when it is loaded rather than sent to the model.
public struct PromptTemplate: Equatable, Sendable {
    private enum Segment: Equatable, Sendable {
        case text(String)
        case placeholder(String)
    }

    /// The template's name in error messages, usually its file path.
    public let name: String
    /// The template text as given.
    public let text: String
    /// The placeholders the text uses.
    public let placeholders: Set<String>
    private let segments: [Segment]

    /// Parses a template.
    ///
    /// - Parameters:
    ///   - text: The template text.
    ///   - name: What to call the template in error messages, e.g. its file path.
    ///   - allowed: The placeholder names the template may use.
    ///   - required: The placeholder names the template must use.
    /// - Throws: `LLMError` `.template`, naming the template, the line and the placeholder, for an
    ///   unknown or malformed placeholder, an unclosed `{{`, or a missing required placeholder.
    public init(text: String, name: String, allowed: Set<String>, required: Set<String> = []) throws(LLMError) {
        var segments: [Segment] = []
        var used: Set<String> = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex {
                segments.append(.text(String(rest[..<open.lowerBound])))
            }
            let line = text[..<open.lowerBound].filter(\.isNewline).count + 1
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw LLMError(.template, "prompt template \(name), line \(line): `{{` is never closed with `}}`")
            }
            let placeholder = rest[open.upperBound..<close.lowerBound].trimmingSpaces()
            guard Self.isName(placeholder) else {
                throw LLMError(.template,
                               "prompt template \(name), line \(line): `{{\(placeholder)}}` is not a placeholder name")
            }
            guard allowed.contains(placeholder) else {
                let known = allowed.isEmpty
                    ? "this template takes no placeholders"
                    : "known: " + allowed.sorted().map { "{{\($0)}}" }.joined(separator: ", ")
                throw LLMError(.template,
                               "prompt template \(name), line \(line): unknown placeholder {{\(placeholder)}} (\(known))")
            }
            segments.append(.placeholder(placeholder))
            used.insert(placeholder)
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty {
            segments.append(.text(String(rest)))
        }
        if let missing = required.subtracting(used).sorted().first {
            throw LLMError(.template, "prompt template \(name) must contain the placeholder {{\(missing)}}")
        }
        self.name = name
        self.text = text
        self.placeholders = used
        self.segments = segments
    }

    /// Fills in the placeholders.
    ///
    /// Values are inserted as they are: a value containing `{{…}}` is not expanded again.
    ///
    /// - Parameter values: The text for each placeholder; a placeholder without a value becomes empty.
    /// - Returns: The rendered prompt.
    public func render(_ values: [String: String]) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .placeholder(let name): result += values[name] ?? ""
            }
        }
        return result
    }

    private static func isName(_ candidate: String) -> Bool {
        let scalars = candidate.unicodeScalars
        guard let first = scalars.first, !("0"..."9").contains(first) else { return false }
        return scalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
