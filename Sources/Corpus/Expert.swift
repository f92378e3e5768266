/// A person whose answers a corpus holds: a name and the role they speak in.
public struct Expert: Codable, Sendable, Equatable, Hashable {
    /// The full name, e.g. "Dmitri Trenin".
    public var name: String
    /// The role or affiliation, e.g. "director of the Carnegie Moscow Center".
    public var role: String

    /// An expert; control characters are removed, so the name and role can be printed as they are.
    public init(name: String, role: String) {
        self.name = name.removingControlCharacters()
        self.role = role.removingControlCharacters()
    }

    /// The last word of the name ("Trenin" for "Dmitri Trenin").
    public var surname: String {
        name.split(separator: " ").last.map(String.init) ?? name
    }

    /// Splits an expert line such as "Dmitri Trenin, director of the Carnegie Moscow Center." into name and role.
    ///
    /// The name is everything before the first comma; the role is the rest without a final period.
    /// A line without a comma is all name.
    ///
    /// - Parameter line: The expert line.
    /// - Returns: The expert it describes.
    public static func parse(line: String) -> Expert {
        let trimmed = line.trimmingWhitespace()
        guard let comma = trimmed.firstIndex(of: ",") else {
            return Expert(name: trimmed.droppingFinalPeriod(), role: "")
        }
        let name = String(trimmed[..<comma]).trimmingWhitespace()
        let role = String(trimmed[trimmed.index(after: comma)...]).trimmingWhitespace().droppingFinalPeriod()
        return Expert(name: name, role: role)
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, newlines, no-break spaces).
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    func droppingFinalPeriod() -> String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
