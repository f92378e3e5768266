import ArgumentParser
import Conversations
import Foundation

extension Panelist {
    struct Logs: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the conversation log: the last turns of chat and ask, newest last.",
            discussion: "The log is $XDG_DATA_HOME/panelist/conversations.sqlite (default ~/.local/share/panelist). It keeps each question, answer, citations, mode, corpus and time — never an API key. Switch it off with --no-log on ask and chat, or `panelist config set log false`.",
            subcommands: [List.self, Search.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The last turns (the default).")

            @Option(name: .short, help: "How many turns.")
            var n = 10

            @Option(help: ArgumentHelp("Only this conversation's turns.", valueName: "id"))
            var conversation: Int64?

            @Flag(help: "One JSON object per turn, one per line (see docs/JSON.md).")
            var json = false

            @OptionGroup var output: OutputOptions

            func validate() throws {
                guard n >= 1 else { throw ValidationError("-n must be at least 1") }
            }

            func run() throws {
                let log = try LogOptions.open()
                let turns = try conversation.map { try log.turns(of: $0, limit: n) } ?? log.recent(limit: n)
                try LoggedTurnPrinter(json: json).print(turns, empty: "No conversations logged yet: ask a question with `panelist ask` or `panelist chat`.")
            }
        }

        struct Search: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Find earlier turns whose question or answer holds every word of TEXT (full-text search), best first.")

            @Argument(help: "The words to find.")
            var text: [String]

            @Option(name: .short, help: "How many turns at most.")
            var n = 10

            @Flag(help: "One JSON object per turn, one per line (see docs/JSON.md).")
            var json = false

            @OptionGroup var output: OutputOptions

            func validate() throws {
                guard n >= 1 else { throw ValidationError("-n must be at least 1") }
                guard text.contains(where: { $0.contains(where: { $0.isLetter || $0.isNumber }) }) else {
                    throw ValidationError("Give words to search for, e.g. panelist logs search sanctions")
                }
            }

            func run() throws {
                let turns = try LogOptions.open().search(text.joined(separator: " "), limit: n)
                try LoggedTurnPrinter(json: json).print(turns, empty: "No logged turn holds \(text.joined(separator: " ")).")
            }
        }
    }
}
