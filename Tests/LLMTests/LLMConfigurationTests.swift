import Foundation
import Testing
@testable import LLM

@Suite struct LLMConfigurationTests {
    /// A fresh directory with `panelist/config.json` holding `json`, or no file when `json` is nil.
    private func configHome(_ json: String?) throws -> URL {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("panelist-config-\(UUID().uuidString)", isDirectory: true)
        let folder = home.appendingPathComponent("panelist", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let json {
            try Data(json.utf8).write(to: folder.appendingPathComponent("config.json"))
        }
        return home
    }

    private let fullFile = """
        {"llm_url": "https://file:1", "model": "file-model", "api_key": "file-key-123456",
         "max_tokens": 100, "temperature": 0.5, "timeout": 30, "other_tool_setting": [1, 2]}
        """

    @Test func defaultsWithoutAnything() throws {
        let home = try configHome(nil)
        let config = try LLMConfiguration(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(!config.isConfigured)
        #expect(!config.configFileFound)
        #expect(config.settings.model == "default")
        #expect(config.settings.apiKey == nil)
        #expect(config.settings.maxTokens == 512)
        #expect(config.settings.temperature == 0.2)
        #expect(config.settings.idleTimeout == 60)
        #expect(config.settings.connectTimeout == 10)
        #expect(config.settings.totalTimeout == 600)
        #expect(config.settings.stream)
        for setting in LLMConfiguration.Setting.allCases {
            #expect(config.source(of: setting) == .defaultValue)
        }
    }

    @Test func fileValuesApply() throws {
        let home = try configHome(fullFile)
        let config = try LLMConfiguration(environment: ["XDG_CONFIG_HOME": home.path])
        #expect(config.configFileFound)
        #expect(config.isConfigured)
        #expect(config.settings.baseURL == "https://file:1")
        #expect(config.settings.model == "file-model")
        #expect(config.settings.apiKey == "file-key-123456")
        #expect(config.settings.maxTokens == 100)
        #expect(config.settings.temperature == 0.5)
        #expect(config.settings.idleTimeout == 30)
        #expect(config.settings.connectTimeout == 10)
        #expect(config.settings.totalTimeout == 300)
        #expect(config.source(of: .url) == .file)
        #expect(config.source(of: .stream) == .defaultValue)
    }

    @Test func environmentBeatsFileAndFlagsBeatEnvironment() throws {
        let home = try configHome(fullFile)
        let environment = [
            "XDG_CONFIG_HOME": home.path, "PANELIST_LLM_URL": "https://env:2", "PANELIST_MODEL": "env-model",
            "PANELIST_API_KEY": "env-key-1234567",
        ]
        let fromEnvironment = try LLMConfiguration(environment: environment)
        #expect(fromEnvironment.settings.baseURL == "https://env:2")
        #expect(fromEnvironment.settings.model == "env-model")
        #expect(fromEnvironment.settings.apiKey == "env-key-1234567")
        #expect(fromEnvironment.settings.maxTokens == 100)
        #expect(fromEnvironment.source(of: .url) == .environment("PANELIST_LLM_URL"))
        #expect(fromEnvironment.source(of: .maxTokens) == .file)

        let flags = LLMConfiguration.Flags(
            url: "https://flag:3", model: "flag-model", apiKey: "flag-key-1234567", maxTokens: 7, temperature: 0,
            timeout: 2.5, stream: false)
        let fromFlags = try LLMConfiguration(flags: flags, environment: environment)
        #expect(fromFlags.settings == LLMSettings(
            baseURL: "https://flag:3", model: "flag-model", apiKey: "flag-key-1234567", maxTokens: 7, temperature: 0,
            stream: false, connectTimeout: 2.5, idleTimeout: 2.5, totalTimeout: 25))
        for setting in LLMConfiguration.Setting.allCases {
            #expect(fromFlags.source(of: setting) == .flag)
        }
    }

    @Test func emptyValuesCountAsUnset() throws {
        let home = try configHome(#"{"model": "", "api_key": ""}"#)
        let config = try LLMConfiguration(
            flags: LLMConfiguration.Flags(url: ""),
            environment: ["XDG_CONFIG_HOME": home.path, "PANELIST_LLM_URL": "", "PANELIST_MODEL": ""])
        #expect(!config.isConfigured)
        #expect(config.settings.model == "default")
        #expect(config.settings.apiKey == nil)
    }

    @Test func openAIKeyIsTheLastFallback() throws {
        let withoutFileKey = try configHome(#"{"llm_url": "https://file:1"}"#)
        let fallback = try LLMConfiguration(
            environment: ["XDG_CONFIG_HOME": withoutFileKey.path, "OPENAI_API_KEY": "sk-openai-abcdef1234"])
        #expect(fallback.settings.apiKey == "sk-openai-abcdef1234")
        #expect(fallback.source(of: .apiKey) == .environment("OPENAI_API_KEY"))

        let withFileKey = try configHome(fullFile)
        let fileWins = try LLMConfiguration(
            environment: ["XDG_CONFIG_HOME": withFileKey.path, "OPENAI_API_KEY": "sk-openai-abcdef1234"])
        #expect(fileWins.settings.apiKey == "file-key-123456")

        let panelistWins = try LLMConfiguration(
            environment: ["XDG_CONFIG_HOME": withFileKey.path, "OPENAI_API_KEY": "sk-openai-abcdef1234",
                          "PANELIST_API_KEY": "sk-panelist-99998888"])
        #expect(panelistWins.settings.apiKey == "sk-panelist-99998888")
        #expect(panelistWins.source(of: .apiKey) == .environment("PANELIST_API_KEY"))
    }

    @Test func configFileLocation() {
        #expect(LLMConfiguration.defaultConfigFile(environment: ["XDG_CONFIG_HOME": "/xdg", "HOME": "/home/u"]).path
                    == "/xdg/panelist/config.json")
        #expect(LLMConfiguration.defaultConfigFile(environment: ["HOME": "/home/u"]).path
                    == "/home/u/.config/panelist/config.json")
        #expect(LLMConfiguration.defaultConfigFile(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]).path
                    == "/home/u/.config/panelist/config.json")
    }

    @Test(arguments: [
        ("{not json", "is not valid JSON"),
        ("", "is not valid JSON"),
        ("[1, 2]", "must hold a JSON object"),
        (#"{"max_tokens": "many"}"#, "max_tokens must be a whole number"),
        (#"{"max_tokens": 1.5}"#, "max_tokens must be a whole number"),
        (#"{"temperature": "hot"}"#, "temperature must be a number"),
        (#"{"llm_url": 8080}"#, "llm_url must be a string"),
        (#"{"max_tokens": 0}"#, "max_tokens: must be at least 1"),
        (#"{"temperature": 3}"#, "temperature: must be between 0 and 2"),
        (#"{"timeout": -1}"#, "timeout: must be more than 0 seconds"),
        (#"{"llm_url": "localhost:8080"}"#, "llm_url: LLM server URL is not an http(s) URL"),
    ])
    func malformedFileIsAOneLineErrorNamingTheFile(json: String, expected: String) throws {
        let home = try configHome(json)
        let file = home.appendingPathComponent("panelist/config.json")
        do {
            _ = try LLMConfiguration(environment: ["XDG_CONFIG_HOME": home.path])
            Issue.record("expected an error for \(json)")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains(file.path))
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func badEnvironmentValueNamesTheVariable() {
        do {
            _ = try LLMConfiguration(environment: ["PANELIST_LLM_URL": "nonsense", "HOME": "/nonexistent"])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.hasPrefix("PANELIST_LLM_URL: "))
        }
    }

    @Test func directoryInsteadOfFileIsAnError() throws {
        let home = try configHome(nil)
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent("panelist/config.json"), withIntermediateDirectories: true)
        #expect(throws: LLMError.self) { try LLMConfiguration(environment: ["XDG_CONFIG_HOME": home.path]) }
    }

    @Test func descriptionListsSourcesAndMasksTheKey() throws {
        let home = try configHome(fullFile)
        let config = try LLMConfiguration(
            flags: LLMConfiguration.Flags(maxTokens: 9),
            environment: ["XDG_CONFIG_HOME": home.path, "PANELIST_API_KEY": "sk-proj-VERYSECRET-wxyz"])
        let text = config.description
        #expect(!text.contains("VERYSECRET"))
        #expect(text.contains("sk-…wxyz"))
        #expect(text.contains("(env PANELIST_API_KEY)"))
        #expect(text.contains("https://file:1  (config file)"))
        #expect(text.contains("9  (flag)"))
        #expect(text.contains("stream       on  (default)"))
        #expect(text.hasPrefix("config file: \(home.path)/panelist/config.json\n"))
        #expect(config.entries.map(\.setting) == LLMConfiguration.Setting.allCases)
    }

    @Test(arguments: [
        (nil, "(not set)"), ("", "(not set)"), ("short", "(set)"), ("12345678901", "(set)"),
        ("sk-abcdefghijkl1234", "sk-…1234"), ("gsk_abcdefghijklmnop", "…mnop"),
    ] as [(String?, String)])
    func keyMasking(key: String?, expected: String) {
        #expect(LLMSettings.maskedKey(key) == expected)
    }

    @Test func keyIsRefusedForPlainHTTPToAnotherMachine() throws {
        let home = try configHome(nil)
        let error = #expect(throws: LLMError.self) {
            try LLMConfiguration(environment: [
                "XDG_CONFIG_HOME": home.path, "PANELIST_LLM_URL": "http://models.example.com:8080/v1",
                "OPENAI_API_KEY": "sk-openai-abcdef1234",
            ])
        }
        #expect(error?.code == .configuration)
        #expect(error?.message == "refusing to send the API key (from OPENAI_API_KEY) over plain HTTP to "
            + "models.example.com:8080: use an https:// URL, or a server on this machine (localhost, 127.0.0.1, ::1), "
            + "or unset OPENAI_API_KEY if the server needs no key")
        let fileKey = try configHome(#"{"llm_url": "http://10.0.0.5:11434", "api_key": "file-key-123456"}"#)
        let fromFile = #expect(throws: LLMError.self) { try LLMConfiguration(environment: ["XDG_CONFIG_HOME": fileKey.path]) }
        #expect(fromFile?.message.hasSuffix("or remove api_key from the config file if the server needs no key") == true)
        let password = #expect(throws: LLMError.self) {
            try LLMConfiguration(flags: LLMConfiguration.Flags(url: "http://me:pw-secret@models.example.com"),
                                 environment: ["XDG_CONFIG_HOME": home.path])
        }
        #expect(password?.message.contains("refusing to send the password in the LLM server URL over plain HTTP") == true)
        #expect(password?.message.contains("pw-secret") == false)
    }

    @Test(arguments: [
        "https://models.example.com", "http://127.0.0.1:8080", "http://127.8.9.10", "http://localhost:11434",
        "http://LOCALHOST", "http://[::1]:8080/v1", "http://[::ffff:127.0.0.1]/",
    ])
    func keyIsSentOverHTTPSOrToThisMachine(url: String) throws {
        let home = try configHome(nil)
        let config = try LLMConfiguration(
            flags: LLMConfiguration.Flags(url: url), environment: ["XDG_CONFIG_HOME": home.path, "OPENAI_API_KEY": "sk-1234567890"])
        #expect(config.settings.apiKey == "sk-1234567890")
    }

    @Test func withoutAKeyPlainHTTPToAnotherMachineIsAllowed() throws {
        let home = try configHome(nil)
        let config = try LLMConfiguration(flags: LLMConfiguration.Flags(url: "http://gpu-box.lan:8080"),
                                          environment: ["XDG_CONFIG_HOME": home.path])
        #expect(config.isConfigured)
    }

    @Test func passwordInTheURLIsMaskedInTheListing() throws {
        let home = try configHome(nil)
        let config = try LLMConfiguration(flags: LLMConfiguration.Flags(url: "http://me:pw-secret@127.0.0.1:8080/v1"),
                                          environment: ["XDG_CONFIG_HOME": home.path])
        for text in [config.description, config.settings.description, config.settings.debugDescription] {
            #expect(!text.contains("pw-secret"))
            #expect(text.contains("http://me:***@127.0.0.1:8080/v1"))
        }
        let malformed = #expect(throws: LLMError.self) {
            try LLMConfiguration(flags: LLMConfiguration.Flags(url: "http://me:pw-secret@/v1"),
                                 environment: ["XDG_CONFIG_HOME": home.path])
        }
        #expect(malformed?.message.contains("pw-secret") == false)
    }

    @Test func settingsDescriptionsMaskTheKey() {
        let settings = LLMSettings(baseURL: "http://x", apiKey: "sk-SECRETSECRET-abcd")
        for text in [settings.description, settings.debugDescription, String(describing: settings),
                     String(reflecting: settings), "\(settings)"] {
            #expect(!text.contains("SECRETSECRET"))
        }
    }
}
