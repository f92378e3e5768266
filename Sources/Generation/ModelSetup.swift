import Answering
import Foundation
import LLM
import Retrieval

/// Builds the language-model answerer from the resolved configuration and the prompt templates.
public enum ModelSetup {
    /// The answerer for `configuration`, or nil when no endpoint is configured.
    ///
    /// - Parameters:
    ///   - configuration: Flags, environment and config file, resolved.
    ///   - promptsDirectory: Where the templates are (`--prompts`, or the bundled ones).
    ///   - analyzer: The store's analyser, for checking citations.
    ///   - requireModel: Whether failures are errors instead of falling back.
    /// - Throws: `LLMError` for a malformed template.
    public static func answerer(configuration: LLMConfiguration, promptsDirectory: URL, analyzer: Analyzer, requireModel: Bool) throws -> LanguageModelAnswerer? {
        guard configuration.isConfigured else { return nil }
        let prompts = try PromptSet(directory: promptsDirectory)
        return LanguageModelAnswerer(client: ChatClient(settings: configuration.settings), prompts: prompts, analyzer: analyzer, requireModel: requireModel)
    }
}
