import Foundation

/// The LLM settings resolved from flags, environment, config file and defaults, with where each came from.
///
/// Each setting takes the first value found, highest first:
/// 1. a command-line flag (`Flags`);
/// 2. the environment: `PANELIST_LLM_URL`, `PANELIST_MODEL`, `PANELIST_API_KEY`;
/// 3. the JSON config file, `$XDG_CONFIG_HOME/panelist/config.json` or else
///    `~/.config/panelist/config.json`, with keys `llm_url`, `model`, `api_key`, `max_tokens`,
///    `temperature`, `timeout` and `stream` (other keys are left to the rest of Panelist);
/// 4. the defaults: no server, model `default`, 512 tokens, temperature 0.2, timeout 60 s, streaming on.
///
/// The API key falls back to `OPENAI_API_KEY` only after the config file: a key written for this
/// tool wins over one exported for every OpenAI client, which then never reaches a server it was
/// not meant for. Empty values count as unset. `timeout` is the idle timeout (the longest silence
/// allowed, the wait for a non-streamed answer included); the connect timeout is the smaller of
/// it and 10 s, and the total timeout ten times it. A key (or a password in the URL) is refused for a
/// plain `http://` URL to another machine.
public struct LLMConfiguration: Sendable, CustomStringConvertible {
    /// Values given on the command line; `nil` for a flag not given.
    public struct Flags: Sendable {
        /// The server's base URL.
        public var url: String?
        /// The model name.
        public var model: String?
        /// The API key.
        public var apiKey: String?
        /// The most tokens per answer.
        public var maxTokens: Int?
        /// The sampling temperature.
        public var temperature: Double?
        /// The idle timeout in seconds.
        public var timeout: Double?
        /// Whether to stream the answer.
        public var stream: Bool?

        /// Creates flag values.
        ///
        /// - Parameters:
        ///   - url: The server's base URL.
        ///   - model: The model name.
        ///   - apiKey: The API key.
        ///   - maxTokens: The most tokens per answer.
        ///   - temperature: The sampling temperature.
        ///   - timeout: The idle timeout in seconds.
        ///   - stream: Whether to stream the answer.
        public init(
            url: String? = nil, model: String? = nil, apiKey: String? = nil, maxTokens: Int? = nil,
            temperature: Double? = nil, timeout: Double? = nil, stream: Bool? = nil
        ) {
            self.url = url
            self.model = model
            self.apiKey = apiKey
            self.maxTokens = maxTokens
            self.temperature = temperature
            self.timeout = timeout
            self.stream = stream
        }
    }

    /// One configurable setting, named by its config file key.
    public enum Setting: String, CaseIterable, Sendable {
        case url = "llm_url"
        case model
        case apiKey = "api_key"
        case maxTokens = "max_tokens"
        case temperature
        case timeout
        case stream
    }

    /// Where a setting's value came from.
    public enum Source: Equatable, Sendable, CustomStringConvertible {
        /// A command-line flag.
        case flag
        /// The environment variable with this name.
        case environment(String)
        /// The config file.
        case file
        /// The built-in default.
        case defaultValue

        public var description: String {
            switch self {
            case .flag: "flag"
            case .environment(let name): "env \(name)"
            case .file: "config file"
            case .defaultValue: "default"
            }
        }
    }

    /// One line of the `panelist config` listing.
    public struct Entry: Sendable {
        /// The setting.
        public var setting: Setting
        /// Its value for display; the API key and a password in the URL are masked.
        public var value: String
        /// Where the value came from.
        public var source: Source
    }

    /// The resolved settings; `baseURL` is empty when no server is configured.
    public let settings: LLMSettings
    /// The config file that was consulted.
    public let configFile: URL
    /// Whether the config file exists.
    public let configFileFound: Bool
    private let sources: [Setting: Source]

    /// Whether a server URL is configured, i.e. whether the LLM can be asked at all.
    public var isConfigured: Bool { !settings.baseURL.isEmpty }

    /// Resolves the settings.
    ///
    /// - Parameters:
    ///   - flags: Values from the command line.
    ///   - environment: The environment, e.g. `ProcessInfo.processInfo.environment`.
    ///   - configFile: The config file to read; `nil` for the default location in `environment`.
    /// - Throws: `LLMError` `.configuration` with a one-line message naming the file or variable when
    ///   the config file is unreadable or malformed, a value is out of range, or a key or password
    ///   would be sent over plain HTTP to another machine.
    public init(flags: Flags = Flags(), environment: [String: String], configFile: URL? = nil) throws(LLMError) {
        let file = configFile ?? Self.defaultConfigFile(environment: environment)
        let values = try ConfigFileValues.load(from: file)
        let env = environment.filter { !$0.value.isEmpty }
        var sources: [Setting: Source] = [:]

        func pick<Value>(_ setting: Setting, _ candidates: [(Value?, Source)]) -> Value? {
            for (value, source) in candidates {
                if let value {
                    sources[setting] = source
                    return value
                }
            }
            sources[setting] = .defaultValue
            return nil
        }

        let url = pick(.url, [
            (flags.url.nonEmpty, .flag),
            (env["PANELIST_LLM_URL"], .environment("PANELIST_LLM_URL")),
            (values?.llmURL.nonEmpty, .file),
        ]) ?? ""
        let model = pick(.model, [
            (flags.model.nonEmpty, .flag),
            (env["PANELIST_MODEL"], .environment("PANELIST_MODEL")),
            (values?.model.nonEmpty, .file),
        ]) ?? LLMSettings.defaultModel
        let apiKey: String? = pick(.apiKey, [
            (flags.apiKey.nonEmpty, .flag),
            (env["PANELIST_API_KEY"], .environment("PANELIST_API_KEY")),
            (values?.apiKey.nonEmpty, .file),
            (env["OPENAI_API_KEY"], .environment("OPENAI_API_KEY")),
        ])
        let maxTokens = pick(.maxTokens, [(flags.maxTokens, .flag), (values?.maxTokens, .file)])
            ?? LLMSettings.defaultMaxTokens
        let temperature = pick(.temperature, [(flags.temperature, .flag), (values?.temperature, .file)])
            ?? LLMSettings.defaultTemperature
        let timeout = pick(.timeout, [(flags.timeout, .flag), (values?.timeout, .file)])
            ?? LLMSettings.defaultTimeout
        let stream = pick(.stream, [(flags.stream, .flag), (values?.stream, .file)]) ?? true

        if !url.isEmpty {
            let endpoint: ChatEndpoint
            do {
                endpoint = try ChatEndpoint(baseURL: url)
            } catch {
                throw LLMError(.configuration, "\(Self.origin(of: .url, sources, file)): \(error.message)")
            }
            try endpoint.requireCredentialsKeptPrivate(apiKey: apiKey, keySource: sources[.apiKey])
        }
        guard maxTokens >= 1 else {
            throw LLMError(.configuration, "\(Self.origin(of: .maxTokens, sources, file)): must be at least 1, not \(maxTokens)")
        }
        guard temperature.isFinite, (0...2).contains(temperature) else {
            throw LLMError(.configuration,
                           "\(Self.origin(of: .temperature, sources, file)): must be between 0 and 2, not \(temperature)")
        }
        guard timeout.isFinite, timeout > 0 else {
            throw LLMError(.configuration, "\(Self.origin(of: .timeout, sources, file)): must be more than 0 seconds, not \(timeout)")
        }

        settings = LLMSettings(
            baseURL: url, model: model, apiKey: apiKey, maxTokens: maxTokens, temperature: temperature,
            stream: stream, connectTimeout: min(10, timeout), idleTimeout: timeout, totalTimeout: 10 * timeout)
        self.configFile = file
        configFileFound = values != nil
        self.sources = sources
    }

    /// Where a setting's value came from.
    ///
    /// - Parameter setting: The setting.
    /// - Returns: The flag, variable, file or default it was taken from.
    public func source(of setting: Setting) -> Source {
        sources[setting] ?? .defaultValue
    }

    /// Every setting with its display value (the API key masked) and source, in `Setting` order.
    public var entries: [Entry] {
        Setting.allCases.map { setting in
            let value: String = switch setting {
            case .url: settings.baseURL.isEmpty ? "(not set: the LLM is not configured)" : URLPassword.masking(settings.baseURL)
            case .model: settings.model
            case .apiKey: LLMSettings.maskedKey(settings.apiKey)
            case .maxTokens: "\(settings.maxTokens)"
            case .temperature: "\(settings.temperature)"
            case .timeout: "\(settings.idleTimeout) s"
            case .stream: settings.stream ? "on" : "off"
            }
            return Entry(setting: setting, value: value, source: source(of: setting))
        }
    }

    /// A listing for `panelist config`: the config file, then one line per setting with its source.
    public var description: String {
        let fileState = configFileFound ? "" : " (not found)"
        var lines = ["config file: \(configFile.path)\(fileState)"]
        let width = Setting.allCases.map(\.rawValue.count).max() ?? 0
        for entry in entries {
            let name = entry.setting.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append("\(name)  \(entry.value)  (\(entry.source))")
        }
        return lines.joined(separator: "\n")
    }

    /// The config file Panelist reads: `$XDG_CONFIG_HOME/panelist/config.json` when that variable holds
    /// an absolute path, else `$HOME/.config/panelist/config.json`.
    ///
    /// - Parameter environment: The environment to take `XDG_CONFIG_HOME` and `HOME` from.
    /// - Returns: The file's URL, whether or not it exists.
    public static func defaultConfigFile(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].nonEmpty ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config", isDirectory: true)
        }
        return base.appendingPathComponent("panelist", isDirectory: true).appendingPathComponent("config.json")
    }

    /// Names where a setting's bad value came from, for an error message.
    private static func origin(of setting: Setting, _ sources: [Setting: Source], _ file: URL) -> String {
        switch sources[setting] ?? .defaultValue {
        case .flag: "\(setting.rawValue) flag"
        case .environment(let name): name
        case .file: "config file \(file.path): \(setting.rawValue)"
        case .defaultValue: "default \(setting.rawValue)"
        }
    }
}

extension Optional where Wrapped == String {
    /// The string, or `nil` when it is missing or empty.
    fileprivate var nonEmpty: String? {
        switch self {
        case .some(let value) where !value.isEmpty: value
        default: nil
        }
    }
}
