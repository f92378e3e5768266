import ArgumentParser

extension Panelist {
    struct Config: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective language-model settings and where each comes from (the key masked).")

        @OptionGroup var llmOptions: LLMOptions

        func run() throws {
            print(try llmOptions.configuration())
        }
    }
}
