import Foundation
import Testing

/// Shell completions, the man page and `make install`.
@Suite struct InstallationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsCoverTheCommands(shell: String) throws {
        let run = try PanelistBinary().run(["completions", shell])
        #expect(run.status == 0)
        for word in ["corpora", "logs", "--corpus", "--no-log", "--format"] {
            // fish names long options without their dashes (-l 'corpus').
            let spelled = shell == "fish" && word.hasPrefix("--") ? "'\(word.dropFirst(2))'" : word
            #expect(run.stdout.contains(spelled), "\(shell) completion lacks \(word)")
        }
    }

    @Test func anUnknownShellIsAOneLineError() throws {
        let run = try PanelistBinary().run(["completions", "tcsh"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("tcsh"))
    }

    /// Every command and option the parser knows, from `--experimental-dump-help`, with the paths of
    /// the commands that run ("ask", "logs search").
    static func commandsAndOptions() throws -> (commands: Set<String>, options: Set<String>, paths: [[String]]) {
        let run = try PanelistBinary().run(["--experimental-dump-help"])
        let tool = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        var commands: Set<String> = []
        var options: Set<String> = []
        var paths: [[String]] = []
        func visit(_ command: [String: Any], path: [String]) {
            guard command["shouldDisplay"] as? Bool ?? true else { return }
            let name = command["commandName"] as? String ?? ""
            commands.insert(name)
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty { paths.append(path) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool ?? true {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    options.insert(name["name"] as? String ?? "")
                }
            }
            for sub in subcommands { visit(sub, path: path + [sub["commandName"] as? String ?? ""]) }
        }
        visit(try #require(tool["command"] as? [String: Any]), path: [])
        return (commands, options, paths.filter { !$0.contains("help") })
    }

    @Test func theManPageIsGeneratedFromTheCurrentCommands() throws {
        let page = try String(contentsOf: Self.root.appendingPathComponent("docs/panelist.1"), encoding: .utf8)
        let (commands, options, _) = try Self.commandsAndOptions()
        #expect(commands.isSuperset(of: ["panelist", "ask", "chat", "corpora", "logs", "completions", "config", "search"]))
        for command in commands {
            #expect(page.contains(command), "the man page lacks the command \(command); run make man")
        }
        for option in options where option != "experimental-dump-help" {
            #expect(page.contains("Fl -\(option)"), "the man page lacks --\(option); run make man")
        }
    }

    @Test func makeInstallPutsTheBinaryManPageAndCompletionsUnderThePrefix() throws {
        let binary = try PanelistBinary()
        let prefix = binary.home.appendingPathComponent("prefix")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "-s", "-C", Self.root.path, "install-files", "PREFIX=\(prefix.path)", "BIN=\(PanelistBinary.url.path)"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        for file in ["bin/panelist", "share/man/man1/panelist.1", "share/bash-completion/completions/panelist",
                     "share/zsh/site-functions/_panelist", "share/fish/vendor_completions.d/panelist.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) is missing")
        }
        let installed = try binary.run(["ask", "Why is Putin so eager to court Trump?", "--no-log"],
                                       executable: prefix.appendingPathComponent("bin/panelist"))
        #expect(installed.status == 0)
        #expect(installed.stdout.contains("[1]") && installed.stdout.contains("Dmitri Trenin — director"))
    }
}
