import Foundation

/// The scripted OpenAI-compatible server in `fake_llm_server.py`, run as a child process on loopback.
///
/// The request's `model` selects a behaviour (`normal`, `slow`, `grounded`, `status:500:openai`, …).
public final class FakeLLMServer {
    /// The port it listens on, on 127.0.0.1.
    public let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts the server and waits for it to print its port.
    public init() throws {
        guard let script = Bundle.module.url(forResource: "fake_llm_server", withExtension: "py") else {
            throw ServerStartFailure(output: "fake_llm_server.py is missing from the test bundle")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--exit-on-stdin-eof"]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let more = output.fileHandleForReading.availableData
            if more.isEmpty { break }
            line.append(more)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            process.terminate()
            throw ServerStartFailure(output: text)
        }
        self.port = port
    }

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Kills the server and waits for it to exit.
    public func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}

public struct ServerStartFailure: Error, CustomStringConvertible {
    var output: String
    public var description: String { "the fake LLM server did not print a port; it printed: \(output)" }
}

