import Foundation
import Testing

/// The Python clients of `Clients/`, run in the venv that `scripts/service-venv.sh` prepares
/// (the official `mcp` and `openai` packages from PyPI).
enum ServiceClients {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Clients")
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The venv's python, set up on first use (a no-op when it is ready).
    static let python: Result<URL, ServiceSetupFailure> = {
        let process = Process()
        process.executableURL = repository.appendingPathComponent("scripts/service-venv.sh")
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            return .failure(ServiceSetupFailure(description: "scripts/service-venv.sh did not start: \(error)"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: path) else {
            return .failure(ServiceSetupFailure(description: "scripts/service-venv.sh failed (exit \(process.terminationStatus)); run it to see why"))
        }
        return .success(URL(fileURLWithPath: path))
    }()

    /// Runs `Clients/script arguments…` with `binary`'s private environment and decodes its output.
    static func run(_ script: String, _ arguments: [String], input: String = "", binary: PanelistBinary) throws -> Any {
        let run = try binary.run([folder.appendingPathComponent(script).path] + arguments, input: input, executable: python.get())
        guard run.status == 0 else {
            throw ServiceSetupFailure(description: "\(script) exited \(run.status): \(run.stderr.suffix(3_000))")
        }
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// The system program `name` (installed by scripts/install-deps.sh).
    static func systemProgram(_ name: String) throws -> URL {
        for folder in ["/usr/bin", "/usr/sbin", "/usr/local/bin"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw ServiceSetupFailure(description: "\(name) is not installed; run scripts/install-deps.sh")
    }
}

struct ServiceSetupFailure: Error, CustomStringConvertible {
    var description: String
}

/// `panelist serve --port 0 …` running in the background: its URL, log and signals.
final class RunningServer {
    let process: Process
    /// `http://127.0.0.1:PORT`.
    let url: String
    let port: Int
    /// Its standard error: the JSON log lines.
    let log: URL

    init(binary: PanelistBinary, arguments: [String] = [], environment: [String: String] = [:]) throws {
        log = binary.home.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = binary.process(["serve", "--port", "0"] + arguments, environment: environment)
        let output = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            printed.append(more)
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
              let port = Int(line[range].split(separator: ":").last ?? "") else {
            process.terminate()
            process.waitUntilExit()
            let logged = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServiceSetupFailure(description: "panelist serve did not print its URL; it printed “\(line)” and logged: \(logged)")
        }
        url = String(line[range])
        self.port = port
    }

    /// Sends `signal` to the server.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Stops the server with SIGTERM and returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { send(SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// Sends `requests` through `Clients/http_probe.py` and returns one result per response.
    func probe(_ requests: [[String: Any]], binary: PanelistBinary, port: Int? = nil) throws -> [ProbeResult] {
        let input = String(decoding: try JSONSerialization.data(withJSONObject: requests), as: UTF8.self)
        let results = try ServiceClients.run("http_probe.py", ["127.0.0.1", String(port ?? self.port)], input: input, binary: binary)
        return (results as? [[String: Any]] ?? []).map(ProbeResult.init)
    }
}

/// One response as `http_probe.py` saw it.
struct ProbeResult {
    var status: Int
    var headers: [String: String]
    var body: String

    init(_ raw: [String: Any]) {
        status = raw["status"] as? Int ?? -1
        headers = raw["headers"] as? [String: String] ?? [:]
        body = raw["body"] as? String ?? (raw["error"] as? String ?? "")
    }

    /// The body as JSON, or nil.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
    }

    /// The message of a JSON error body (`{"error": {"message"}}`), or nil.
    var errorMessage: String? {
        (json?["error"] as? [String: Any])?["message"] as? String
    }
}
