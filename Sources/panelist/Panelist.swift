import ArgumentParser
import Corpus
import Foundation

/// The `panelist` command: expert interviews, searched and answered with citations.
@main
struct Panelist: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist",
        abstract: "Ask what the experts said; every answer cites the expert behind it.",
        version: "0.1.0",
        subcommands: [Chat.self, Ask.self, Search.self, Index.self, Eval.self, Config.self, Embed.self, Serve.self, MCPCommand.self, BenchQueries.self, BenchEncoder.self],
        defaultSubcommand: Chat.self
    )

    /// Runs the command; a message it ends with loses its control characters first, because it
    /// may echo what the user typed or a file held.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error).removingControlCharacters()
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
