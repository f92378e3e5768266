import Foundation
import Testing
import TestSupport

/// What a hostile or broken endpoint, a careless config and odd output targets cannot make Panelist do:
/// grow without bound, wait past the timeout, print the key or a password, or leak raw model text.
@Suite(.serialized) struct LanguageModelSafetyTests {
    let server: FakeLLMServer
    let question = "Why is Putin so eager to court Trump?"

    init() throws {
        server = try FakeLLMServer()
    }

    func ask(_ model: String, _ extra: [String] = [], measuringMemory: Bool = false) throws -> PanelistBinary.Run {
        try PanelistBinary().run(["ask", question, "--llm", server.url, "--model", model, "--timeout", "3"] + extra,
                                 measuringMemory: measuringMemory)
    }

    @Test func endlessReplyIsCutAndTheOfflineAnswerGiven() throws {
        defer { server.stop() }
        try PanelistBinary.buildDefaultStore()
        let run = try ask("endless", ["--json"], measuringMemory: true)
        #expect(run.status == 0)
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        #expect(answer.mode == "extractive")
        #expect(answer.notice?.contains("sent more than 8 MB without ending its response") == true, "\(answer.notice ?? "nil")")
        #expect(run.stdout.utf8.count < 100_000)
        let peak = try #require(run.peakKilobytes)
        #expect(peak < 100_000 * PanelistBinary.memoryAllowance, "peak RSS \(peak) KB")
        #expect(run.seconds < 20)
    }

    @Test func hangingConnectTakesNoLongerThanTheTimeout() throws {
        defer { server.stop() }
        let listener = try UnansweredListener()
        defer { listener.stop() }
        try PanelistBinary.buildDefaultStore()
        let run = try PanelistBinary().run(["ask", question, "--llm", listener.url, "--timeout", "3", "--json"])
        #expect(run.status == 0)
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        #expect(answer.notice?.contains("connecting to the LLM server at 127.0.0.1:\(listener.port) timed out after 3 s") == true,
                "\(answer.notice ?? "nil")")
        #expect(run.seconds < 4.5, "took \(run.seconds) s")
    }

    @Test func keyQuotedInAnotherCaseInPartOrMaskedIsNeverPrinted() throws {
        defer { server.stop() }
        let key = "sk-live-PANELIST-0123456789abcdef"
        for quote in ["upper", "prefix", "suffix", "middle", "ellipsis", "stars"] {
            for extra in [["--json"], ["--require-llm"]] {
                let run = try PanelistBinary().run(
                    ["ask", question, "--llm", server.url, "--model", "status:401:openai:\(quote)", "--timeout", "3"] + extra,
                    environment: ["PANELIST_API_KEY": key])
                let printed = run.stdout + run.stderr
                #expect(printed.contains("Incorrect API key provided: [redacted]."), "\(quote): \(printed)")
                #expect(!Self.sharesEightCharacters(printed, with: key), "\(quote): \(printed)")
            }
        }
    }

    @Test func passwordInTheURLIsNeverPrinted() throws {
        defer { server.stop() }
        let url = "http://me:pw-SECRET-77@127.0.0.1:\(server.port)/v1"
        let config = try PanelistBinary().run(["config", "--llm", url])
        #expect(config.status == 0)
        #expect(config.stdout.contains("http://me:***@127.0.0.1:\(server.port)/v1  (flag)"))
        let malformed = try PanelistBinary().run(["ask", question, "--llm", "http://me:pw-SECRET-77@/v1"])
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("http://me:***@/v1"), "\(malformed.stderr)")
        let failing = try PanelistBinary().run(["ask", question, "--llm", url, "--model", "status:500:openai", "--require-llm"])
        #expect(failing.status == 1)
        for run in [config, malformed, failing] {
            #expect(!(run.stdout + run.stderr).contains("pw-SECRET-77"))
        }
    }

    @Test func keyIsNotSentOverPlainHTTPToAnotherMachine() throws {
        defer { server.stop() }
        let run = try PanelistBinary().run(["ask", question, "--llm", "http://models.example.com/v1"],
                                           environment: ["OPENAI_API_KEY": "sk-openai-0123456789"])
        #expect(run.status == 1)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("refusing to send the API key (from OPENAI_API_KEY) over plain HTTP to models.example.com"))
        #expect(run.stderr.contains("use an https:// URL, or a server on this machine"))
        #expect(!run.stderr.contains("sk-openai-0123456789"))
    }

    @Test func brokenConfigFileLeavesOfflineAnswersWithAWarning() throws {
        defer { server.stop() }
        let binary = try PanelistBinary()
        let folder = binary.home.appendingPathComponent("config/panelist")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"llm_url": "#.utf8).write(to: folder.appendingPathComponent("config.json"))
        let warning = "panelist: warning: config file \(folder.path)/config.json is not valid JSON; fix or remove it "
            + "(see docs/LLM.md); answering offline\n"
        let ask = try binary.run(["ask", question])
        #expect(ask.status == 0)
        #expect(ask.stdout.contains("Sources:"))
        #expect(ask.stderr == warning)
        let chat = try binary.run(["chat", "--json"], input: question + "\n")
        #expect(chat.status == 0)
        #expect(try JSONDecoder().decode(LLMAskJSON.self, from: Data(chat.stdout.utf8)).mode == "extractive")
        #expect(chat.stderr == warning)
        let search = try binary.run(["search", "sanctions"])
        #expect(search.status == 0 && search.stderr.isEmpty)
        let model = try binary.run(["ask", question, "--llm", server.url])
        #expect(model.status == 1)
        #expect(model.stderr.contains("is not valid JSON"))
    }

    @Test func terminalEscapesFromTheModelNeverReachTheOutput() throws {
        defer { server.stop() }
        for model in ["escapes", "escapes-error"] {
            let run = try ask(model)
            #expect(run.status == 0)
            #expect(!Self.hasTerminalControls(run.stdout + run.stderr), "\(model): \(run.stdout.debugDescription)")
        }
        let streamed = try ask("escapes")
        #expect(streamed.stdout.contains("]0;pwned[2J"))
        let failed = try ask("escapes-error", ["--require-llm"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("overloaded ]0;pwned[2J31m now"))
        #expect(!Self.hasTerminalControls(failed.stderr))
        let terminal = try PanelistBinary().onTerminal(["ask", question, "--llm", server.url, "--model", "escapes"])
        try terminal.expect("Sources:", timeout: 20)
        #expect(try terminal.waitForExit(timeout: 10) == 0)
        #expect(terminal.transcript.contains("]0;pwned[2J"))
        #expect(!Self.hasTerminalControls(terminal.transcript.replacingOccurrences(of: "\r\n", with: "\n")),
                "\(terminal.transcript.debugDescription)")
    }

    /// Whether `text` holds a C0 control other than line feed and tab, DEL, or a C1 control.
    static func hasTerminalControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar != "\n" && scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }
    }

    /// Whether `text` holds any 8 characters in a row of `secret`, in any case.
    static func sharesEightCharacters(_ text: String, with secret: String) -> Bool {
        let haystack = text.lowercased()
        let needle = Array(secret.lowercased())
        return (0...(needle.count - 8)).contains { haystack.contains(String(needle[$0..<($0 + 8)])) }
    }
}
