import ArgumentParser
import Bundled
import Foundation
import Generation
import LLM
import Retrieval

/// The language-model options shared by `ask`, `chat` and `config`.
struct LLMOptions: ParsableArguments {
    @Option(name: .customLong("llm"), help: ArgumentHelp("An OpenAI-compatible endpoint's base URL (or PANELIST_LLM_URL).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The model name (or PANELIST_MODEL).", valueName: "name"))
    var model: String?

    @Option(help: "The most tokens the model may write.")
    var maxTokens: Int?

    @Option(help: "Sampling temperature.")
    var temperature: Double?

    @Option(help: ArgumentHelp("Seconds to wait for the endpoint between bytes.", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Ask for the whole reply at once instead of streaming it.")
    var noStream = false

    @Flag(name: .customLong("require-llm"), help: "Fail (exit 1) when the model cannot answer, instead of answering offline.")
    var requireLLM = false

    @Flag(help: "Answer offline even when an endpoint is configured.")
    var offline = false

    @Option(name: .customLong("prompts"), help: ArgumentHelp("A folder of prompt templates (default: the bundled ones).", valueName: "dir"))
    var promptsDirectory: String?

    func validate() throws {
        if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1") }
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if let temperature, !(0...2).contains(temperature) { throw ValidationError("--temperature must be between 0 and 2") }
    }

    /// Whether this run asks for the model itself, not only through the config file.
    private var modelAskedFor: Bool {
        requireLLM || url?.isEmpty == false || ProcessInfo.processInfo.environment["PANELIST_LLM_URL"]?.isEmpty == false
    }
    /// Flags over environment over config file over defaults.
    func configuration() throws -> LLMConfiguration {
        let flags = LLMConfiguration.Flags(url: url, model: model, maxTokens: maxTokens, temperature: temperature,
                                           timeout: timeout, stream: noStream ? false : nil)
        return try LLMConfiguration(flags: flags, environment: ProcessInfo.processInfo.environment)
    }

    /// Warns on standard error about each key of the config file Panelist does not know ("modle").
    static func warnAboutUnknownKeys() {
        for warning in ConfigFile().warnings() {
            FileHandle.standardError.write(Data("panelist: warning: \(warning)\n".utf8))
        }
    }

    /// The language-model answerer, or nil for offline answers (none configured, or `--offline`).
    ///
    /// A config file that cannot be used (malformed, a bad value) does not stop offline answers: unless
    /// the model is asked for by `--llm`, `PANELIST_LLM_URL` or `--require-llm`, the problem is a
    /// one-line warning on standard error and the answers are offline.
    func answerer(analyzer: Analyzer) throws -> LanguageModelAnswerer? {
        Self.warnAboutUnknownKeys()
        guard !offline else { return nil }
        let configuration: LLMConfiguration
        do {
            configuration = try self.configuration()
        } catch let error as LLMError where !modelAskedFor {
            FileHandle.standardError.write(Data("panelist: warning: \(error.message); answering offline\n".utf8))
            return nil
        }
        let directory = try promptsDirectory.map { URL(fileURLWithPath: $0) } ?? BundledCorpus.promptsDirectory
            ?? { throw ValidationError("the bundled prompt templates are missing; pass --prompts DIR") }()
        let answerer = try ModelSetup.answerer(configuration: configuration, promptsDirectory: directory, analyzer: analyzer, requireModel: requireLLM)
        if answerer == nil, requireLLM {
            throw ValidationError("--require-llm needs an endpoint: pass --llm URL or set PANELIST_LLM_URL")
        }
        return answerer
    }
}
