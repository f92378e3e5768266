import ArgumentParser
import CommandSupport

/// The `panelist` command: expert interviews, searched and answered with citations.
@main
struct Panelist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist",
        abstract: "Ask what the experts said; every answer cites the expert behind it.",
        version: "0.1.0",
        subcommands: [
            Chat.self, Ask.self, Search.self, Index.self, Corpora.self, Logs.self, Eval.self, Config.self, Completions.self,
            Embed.self, Serve.self, MCPCommand.self, BenchQueries.self, BenchEncoder.self,
        ],
        defaultSubcommand: Chat.self
    )

    /// Runs the command (see `runWithCleanMessages`).
    static func main() {
        runWithCleanMessages(arguments: DashedWords.protect(Array(CommandLine.arguments.dropFirst())))
    }
}
