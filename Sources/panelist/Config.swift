import ArgumentParser
import Foundation
import LLM

extension Panelist {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the settings in the config file ($XDG_CONFIG_HOME/panelist/config.json).",
            discussion: "Keys: \(ConfigFile.keys.map(\.name).joined(separator: ", ")). The API key is only ever shown masked.",
            subcommands: [Show.self, Set.self, Unset.self],
            defaultSubcommand: Show.self)

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print the effective settings and where each comes from (the key masked; the default).")

            @OptionGroup var llmOptions: LLMOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                LLMOptions.warnAboutUnknownKeys()
                print(try llmOptions.configuration())
                print("log  \(ConfigFile().logsConversations ? "on" : "off")")
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set KEY to VALUE in the config file, e.g. panelist config set model llama3.")

            @Argument(help: "The key.")
            var key: String

            @Argument(help: "The value (a number, true/false, or text, as the key takes).")
            var value: String

            @OptionGroup var output: OutputOptions

            func run() throws {
                let file = ConfigFile()
                try file.set(key, to: value)
                print("\(key) set in \(file.url.path)\(key == "api_key" ? " (\(LLMSettings.maskedKey(value)))" : "")")
            }
        }

        struct Unset: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Remove KEY from the config file, so its default applies.")

            @Argument(help: "The key.")
            var key: String

            @OptionGroup var output: OutputOptions

            func run() throws {
                let file = ConfigFile()
                try file.unset(key)
                print("\(key) unset in \(file.url.path)")
            }
        }
    }
}
