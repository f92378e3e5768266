import Answering
import ArgumentParser
import Bundled
import Foundation
import Rendering

extension Panelist {
    struct Corpora: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the corpora: default (the bundled one) and those built with `panelist index PATH… --name NAME`.",
            discussion: "Named corpora are kept in $XDG_DATA_HOME/panelist/corpora (default ~/.local/share/panelist/corpora); choose one with --corpus NAME on any command, or :corpus NAME in the chat.",
            subcommands: [List.self, Remove.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "Each corpus: name, experts, passages, size, when it was built and from what (the default).")

            @Flag(help: "One JSON object per corpus, one per line (see docs/JSON.md).")
            var json = false

            @OptionGroup var output: OutputOptions

            func run() throws {
                let entries = try CorpusCatalog().entries()
                if json {
                    for entry in entries { print(try JSONLine.encode(CorpusOutput(entry))) }
                    return
                }
                let time = DateFormatter()
                time.dateFormat = "yyyy-MM-dd HH:mm"
                let rows = [["NAME", "EXPERTS", "PASSAGES", "SIZE", "BUILT", "FROM"]] + entries.map { entry in
                    [entry.name, "\(entry.experts)", "\(entry.passages)",
                     ByteCountFormatter.string(fromByteCount: entry.bytes, countStyle: .file),
                     time.string(from: entry.built), entry.source.joined(separator: ", ").removingControlCharacters()]
                }
                let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
                for row in rows {
                    print(row.enumerated().map { column, cell in
                        column == 5 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    }.joined(separator: "  "))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Delete a named corpus's store (default cannot be removed).")

            @Argument(help: "The corpus's name.")
            var name: String

            @OptionGroup var output: OutputOptions

            func run() throws {
                try CorpusCatalog().remove(name)
                print("Removed corpus \(name).")
            }
        }
    }
}
