import ArgumentParser
import CommandSupport
import Bundled
import Service

/// `panelist-server`: the long-running services, `serve` (HTTP) and `mcp` (Model Context Protocol), which
/// `panelist serve …` and `panelist mcp …` run with their options.
///
/// A program of its own so that `panelist`'s one-shot commands load none of it: SwiftNIO, Hummingbird
/// and the MCP SDK add ~40 MB of code (~30,000 relocations at every start), and the MCP SDK imports
/// FoundationNetworking, which links libcurl with its TLS, Kerberos and LDAP libraries (~9 ms a start).
@main
struct PanelistServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist",
        abstract: "Panelist's services: the HTTP server and the MCP server.",
        version: "0.1.0",
        subcommands: [Serve.self, MCP.self]
    )

    /// Runs the command (see `runWithCleanMessages`).
    static func main() {
        runWithCleanMessages()
    }
}

/// The `--store` option of the services.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file to serve (default: the bundled corpus's store).", valueName: "file"))
    var store: String?

    /// The store's path; the default store is built from the bundled corpus first when needed.
    func path() throws -> String {
        try store ?? DefaultStore().openedPath()
    }
}
