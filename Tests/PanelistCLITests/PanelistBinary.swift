import Foundation
import Testing

/// Runs the real `panelist` executable built beside the tests, with a private cache and config.
struct PanelistBinary {
    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("panelist")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/panelist")
    }()

    /// A temporary home for config and history, fresh per binary value.
    let home: URL
    /// The cache folder shared by every run of this test process, so the default store is built once.
    static let sharedCache = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-cli-cache-\(UUID().uuidString)")

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// Runs `panelist arguments…` with `input` on standard input (or `executable arguments…`, a
    /// wrapper that runs panelist, in the same environment).
    func run(_ arguments: [String], input: String = "", environment extra: [String: String] = [:], executable: URL = Self.url) throws -> Run {
        let process = self.process(arguments, environment: extra)
        process.executableURL = executable
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `panelist arguments…` with no input and its output discarded, for a test to signal it.
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Process {
        let process = self.process(arguments, environment: extra)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The process for `panelist arguments…` in this binary's home, with a private environment.
    private func process(_ arguments: [String], environment extra: [String: String]) -> Process {
        let process = Process()
        process.executableURL = Self.url
        process.arguments = arguments
        process.currentDirectoryURL = home
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("PANELIST_") || key == "OPENAI_API_KEY" { environment[key] = nil }
        environment["HOME"] = home.path
        environment["XDG_CACHE_HOME"] = Self.sharedCache.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        return process
    }

    /// Decodes standard output as one JSON value.
    static func decode<Value: Decodable>(_ type: Value.Type, from run: Run) throws -> Value {
        try JSONDecoder().decode(type, from: Data(run.stdout.utf8))
    }
}
