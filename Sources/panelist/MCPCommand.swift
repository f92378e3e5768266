import ArgumentParser
import Foundation

extension Panelist {
    /// `panelist mcp`: runs `panelist-mcp`, installed beside `panelist`, with the same options.
    struct MCPCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "Serve the corpus to an AI assistant over the Model Context Protocol (standard input and output).",
            discussion: """
                Tools: search, ask, list_experts. Resources: panelist://passage/{id} and panelist://expert/{name}. \
                Options: --store FILE, --workers N, --max-concurrent N, --log-level LEVEL (JSON lines on standard error). \
                Runs the program panelist-mcp installed beside panelist.
                """)

        @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Options of panelist-mcp (see above).", valueName: "options"))
        var options: [String] = []

        func run() throws {
            let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
                .appendingPathComponent("panelist-mcp").path
            guard FileManager.default.isExecutableFile(atPath: beside) else {
                throw ValidationError("panelist-mcp is missing beside panelist (\(beside)); build it with `swift build -c release --product panelist-mcp`")
            }
            let arguments = [beside] + options
            var pointers = arguments.map { strdup($0) } + [nil]
            execv(beside, &pointers)
            throw ValidationError("could not run \(beside): \(String(cString: strerror(errno)))")
        }
    }
}
