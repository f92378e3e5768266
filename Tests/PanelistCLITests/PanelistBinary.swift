import Foundation
import Testing

/// Runs the real `panelist` executable built beside the tests, with a private cache and config.
struct PanelistBinary {
    /// How much a memory bound of a test is widened under a sanitizer (`PANELIST_SANITIZER`,
    /// docs/RELIABILITY.md), whose instrumented binary holds shadow memory and bigger allocations.
    static let memoryAllowance = ProcessInfo.processInfo.environment["PANELIST_SANITIZER"] == nil ? 1 : 4

    /// What one run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The process's peak resident memory in kilobytes, when the run measured it.
        var peakKilobytes: Int?
        /// Seconds from start to exit.
        var seconds: Double = 0
    }

    /// Runs a program, then writes the peak resident memory of that one child (`wait4`'s `ru_maxrss`, in
    /// kilobytes) to the file named by its first argument and exits with the child's status. Unlike
    /// `getrusage(RUSAGE_CHILDREN)` in the test process, other tests' children do not count.
    private static let peakMemoryWrapper = """
        import os, sys
        pid = os.fork()
        if pid == 0:
            os.execv(sys.argv[2], sys.argv[2:])
        _, status, usage = os.wait4(pid, 0)
        with open(sys.argv[1], "w") as report:
            report.write(str(usage.ru_maxrss))
        sys.exit(os.waitstatus_to_exitcode(status))
        """

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
    ///
    /// - Parameter measuringMemory: Also report the peak resident memory (`Run.peakKilobytes`).
    func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:], executable: URL = Self.url,
        measuringMemory: Bool = false
    ) throws -> Run {
        let process = self.process(arguments, environment: extra)
        process.executableURL = executable
        let report = home.appendingPathComponent("peak-\(UUID().uuidString)")
        if measuringMemory {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", Self.peakMemoryWrapper, report.path, executable.path] + arguments
        }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let started = Date()
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = BackgroundReader(stderr.fileHandleForReading)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        let peak = measuringMemory ? (try? String(contentsOf: report, encoding: .utf8)).flatMap { Int($0) } : nil
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self), peakKilobytes: peak,
                   seconds: Date().timeIntervalSince(started))
    }

    /// Makes sure the shared default store is built, so that a run that measures memory or time
    /// measures itself and not the build (which the first run of a test process otherwise does).
    static func buildDefaultStore() throws {
        _ = try PanelistBinary().run(["search", "sanctions"])
    }

    /// Starts `panelist arguments…` on a pseudo-terminal `columns` wide, with this binary's home and
    /// `TERM=xterm`.
    func onTerminal(_ arguments: [String], columns: UInt16 = 100, environment extra: [String: String] = [:]) throws -> PseudoTerminal {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("PANELIST_") || key == "OPENAI_API_KEY" { environment[key] = nil }
        environment["TERM"] = "xterm"
        environment["HOME"] = home.path
        environment["XDG_CACHE_HOME"] = Self.sharedCache.path
        environment["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        environment["NO_COLOR"] = "1"
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["COLUMNS"] = nil
        environment.merge(extra) { $1 }
        return try PseudoTerminal(executable: Self.url, arguments: arguments, environment: environment, columns: columns)
    }

    /// Reads a pipe to its end on a thread of its own, so a child that fills the other pipe is not blocked.
    private final class BackgroundReader: @unchecked Sendable {
        // `data` is written by the reading thread before `done` is signalled and read only after.
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }

        func wait() -> Data {
            done.wait()
            return data
        }
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

    /// Starts `panelist arguments…` reading standard input from the returned pipe (write lines to it as
    /// a user or script would, then close it), standard output discarded, standard error into `errors`.
    func startFed(_ arguments: [String], errors: URL) throws -> (process: Process, input: FileHandle) {
        let process = self.process(arguments, environment: [:])
        let input = Pipe()
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, input.fileHandleForWriting)
    }

    /// The process for `panelist arguments…` in this binary's home, with a private environment.
    func process(_ arguments: [String], environment extra: [String: String]) -> Process {
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
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        return process
    }

    /// Decodes standard output as one JSON value.
    static func decode<Value: Decodable>(_ type: Value.Type, from run: Run) throws -> Value {
        try JSONDecoder().decode(type, from: Data(run.stdout.utf8))
    }
}
