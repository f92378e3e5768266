import Foundation

/// The LLM keys of Panelist's JSON config file (`ConfigFile` knows them all and warns about unknown ones); `null` counts as absent.
struct ConfigFileValues: Decodable {
    var llmURL: String?
    var model: String?
    var apiKey: String?
    var maxTokens: Int?
    var temperature: Double?
    var timeout: Double?
    var stream: Bool?

    enum CodingKeys: String, CodingKey {
        case llmURL = "llm_url"
        case model
        case apiKey = "api_key"
        case maxTokens = "max_tokens"
        case temperature, timeout, stream

        /// What the key's value must be, for error messages.
        var expected: String {
            switch self {
            case .llmURL, .model, .apiKey: "a string"
            case .maxTokens: "a whole number"
            case .temperature, .timeout: "a number"
            case .stream: "true or false"
            }
        }
    }

    /// A key whose value has the wrong type.
    private struct WrongType: Error {
        var key: CodingKeys
        var underlying: any Error
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        llmURL = try Self.value(of: .llmURL, in: container)
        model = try Self.value(of: .model, in: container)
        apiKey = try Self.value(of: .apiKey, in: container)
        maxTokens = try Self.value(of: .maxTokens, in: container)
        temperature = try Self.value(of: .temperature, in: container)
        timeout = try Self.value(of: .timeout, in: container)
        stream = try Self.value(of: .stream, in: container)
    }

    /// Decodes one key, turning any failure into `WrongType` so the message can name the key.
    private static func value<Value: Decodable>(
        of key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Value? {
        do {
            return try container.decodeIfPresent(Value.self, forKey: key)
        } catch {
            throw WrongType(key: key, underlying: error)
        }
    }

    /// Reads the config file.
    ///
    /// - Parameter file: The file.
    /// - Returns: Its values, or `nil` when the file does not exist.
    /// - Throws: `LLMError` `.configuration`, naming the file, when it cannot be read, is not a JSON
    ///   object, or holds a key of the wrong type.
    static func load(from file: URL) throws(LLMError) -> ConfigFileValues? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw LLMError(.configuration, "config file \(file.path) is a directory; remove it or set XDG_CONFIG_HOME elsewhere")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LLMError(.configuration, "cannot read config file \(file.path); check its permissions", underlying: error)
        }
        do {
            return try JSONDecoder().decode(ConfigFileValues.self, from: data)
        } catch {
            if let problem = error as? WrongType {
                throw LLMError(.configuration,
                               "config file \(file.path): \(problem.key.rawValue) must be \(problem.key.expected); fix it (see docs/LLM.md)",
                               underlying: problem.underlying)
            }
            if case DecodingError.typeMismatch = error {
                throw LLMError(.configuration, "config file \(file.path) must hold a JSON object; fix it (see docs/LLM.md)", underlying: error)
            }
            throw LLMError(.configuration, "config file \(file.path) is not valid JSON; fix or remove it (see docs/LLM.md)", underlying: error)
        }
    }
}
