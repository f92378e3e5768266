import Foundation

/// What a `panelist://` resource URI names: a passage by id, or an expert by name.
enum ResourceAddress: Equatable {
    case passage(id: String)
    case expert(name: String)

    static let passageTemplate = "panelist://passage/{id}"
    static let expertTemplate = "panelist://expert/{name}"

    /// The address `uri` names, or nil when it is not a Panelist resource.
    init?(uri: String) {
        let parts = uri.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "panelist:", parts[1].isEmpty,
              let value = String(parts[3]).removingPercentEncoding, !value.isEmpty else { return nil }
        switch parts[2] {
        case "passage": self = .passage(id: value)
        case "expert": self = .expert(name: value)
        default: return nil
        }
    }

    var uri: String {
        switch self {
        case .passage(let id): "panelist://passage/" + Self.encoded(id)
        case .expert(let name): "panelist://expert/" + Self.encoded(name)
        }
    }

    /// Ids and names may hold spaces and slashes; they are percent-encoded into one path segment.
    private static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: segment) ?? value
    }

    private static let segment = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~:@"))
}
