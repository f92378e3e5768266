import Foundation

/// Reads a JSON request body into its type, with a one-line error that names the field at fault.
public enum RequestDecoder {
    /// `data` as a `Value`.
    ///
    /// - Throws: `ServiceError.invalidRequest` saying what is wrong: not JSON, a missing field, a
    ///   field of the wrong type.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data, example: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw ServiceError(.invalidRequest, message(for: error, example: example))
        }
    }

    static func message(for error: DecodingError, example: String) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field “\(path(context.codingPath + [key]))”; send for example \(example)"
        case .typeMismatch(let type, let context):
            return "field “\(path(context.codingPath))” should be \(name(of: type)); send for example \(example)"
        case .valueNotFound(let type, let context):
            return "field “\(path(context.codingPath))” is null but should be \(name(of: type)); send for example \(example)"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "field “\(path(context.codingPath))” is invalid; send for example \(example)"
        default:
            return "the body is not a JSON object; send for example \(example)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
