import ArgumentParser
import Foundation

/// Runs `panelist-server SUBCOMMAND options…`, the program installed beside `panelist` that holds the
/// long-running services, in place of this process (see Sources/panelist-server/PanelistServer.swift).
enum ServerProgram {
    static func exec(_ subcommand: String, _ options: [String]) throws -> Never {
        let program = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("panelist-server").path
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw ValidationError("panelist-server is missing beside panelist (\(program)); build it with `swift build -c release --product panelist-server`")
        }
        var arguments = ([program, subcommand] + options).map { strdup($0) } + [nil]
        execv(program, &arguments)
        throw ValidationError("could not run \(program): \(String(cString: strerror(errno)))")
    }
}

extension Panelist {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the HTTP API, an OpenAI-compatible chat endpoint and a chat page (`panelist serve --help` for the options).")

        @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("--host, --port, --store, --workers … (see `panelist serve --help`).", valueName: "options"))
        var options: [String] = []

        func run() throws {
            try ServerProgram.exec("serve", options)
        }
    }

    struct MCPCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (`panelist mcp --help` for the options).")

        @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("--store, --workers … (see `panelist mcp --help`).", valueName: "options"))
        var options: [String] = []

        func run() throws {
            try ServerProgram.exec("mcp", options)
        }
    }
}
