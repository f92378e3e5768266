import Foundation
import Testing

/// `panelist index` on a bulk file: progress on standard error, and a killed build leaves the old store intact.
@Suite struct IndexProgressTests {
    /// Writes `count` JSON lines of made-up passages and returns the file.
    func bulkFile(in folder: URL, count: Int) throws -> URL {
        let words = ["tariff", "wheat", "sanctions", "pipeline", "grain", "oil", "treaty", "missile", "harvest", "export", "inflation", "summit"]
        let lines = (0..<count).map { index in
            let text = (0..<40).map { words[($0 * 7 + index * 3 + $0 * index) % words.count] }.joined(separator: " ")
            return "{\"id\": \"p\(index)\", \"text\": \"\(text) number\(index).\"}"
        }
        let file = folder.appendingPathComponent("bulk.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func progressGoesToStandardErrorWithARate() throws {
        let binary = try PanelistBinary()
        let file = try bulkFile(in: binary.home, count: 200)
        let store = binary.home.appendingPathComponent("s.sqlite").path
        let run = try binary.run(["index", file.path, "--store", store, "--progress"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("200 passages"))
        #expect(run.stderr.contains("reading: 200 passages of 200 (100%)"))
        #expect(run.stderr.contains("passages/s"))
        #expect(!run.stdout.contains("passages/s"))
    }

    @Test func killedBuildLeavesTheOldStoreIntact() throws {
        let binary = try PanelistBinary()
        let store = binary.home.appendingPathComponent("s.sqlite").path
        let small = binary.home.appendingPathComponent("small.md")
        try "# Q?\n\nSanctions bite.".write(to: small, atomically: true, encoding: .utf8)
        #expect(try binary.run(["index", small.path, "--store", store]).status == 0)
        let big = try bulkFile(in: binary.home, count: 60_000)

        let process = Process()
        process.executableURL = PanelistBinary.url
        process.arguments = ["index", big.path, "--store", store, "--progress"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = binary.home.path
        process.environment = environment
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait for the first progress report: the build is under way, then kill it.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("passages/s") {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let search = try binary.run(["search", "sanctions", "--store", store, "--json"])
        #expect(search.status == 0)
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.first?.text == "Sanctions bite.")
    }
}
