import Foundation
import Testing

/// `config set` / `unset`, unknown keys, and the API key only ever shown masked.
@Suite struct ConfigCommandTests {
    func configFile(_ binary: PanelistBinary) -> URL {
        binary.home.appendingPathComponent("config/panelist/config.json")
    }

    @Test func setAndUnsetChangeTheFileAndTheEffectiveSettings() throws {
        let binary = try PanelistBinary()
        #expect(try binary.run(["config", "set", "model", "llama3"]).status == 0)
        #expect(try binary.run(["config", "set", "temperature", "0.7"]).status == 0)
        let shown = try binary.run(["config"]).stdout
        #expect(shown.contains("llama3"))
        #expect(shown.contains("0.7"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: configFile(binary))) as? [String: Any]
        #expect(object?["temperature"] as? Double == 0.7)
        #expect(try binary.run(["config", "unset", "model"]).status == 0)
        #expect(!(try binary.run(["config"]).stdout.contains("llama3")))
        let wrong = try binary.run(["config", "set", "max_tokens", "many"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("whole number"))
        let unknown = try binary.run(["config", "set", "modle", "x"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("did you mean model"))
    }

    @Test func unknownKeysInTheFileAreWarnedWithTheNearestKey() throws {
        let binary = try PanelistBinary()
        try FileManager.default.createDirectory(at: configFile(binary).deletingLastPathComponent(), withIntermediateDirectories: true)
        try #"{"modle": "llama3", "temprature": 0.3}"#.write(to: configFile(binary), atomically: true, encoding: .utf8)
        let run = try binary.run(["ask", "sanctions", "--no-log"])
        #expect(run.status == 0)
        #expect(run.stderr.contains(#"unknown key "modle" is ignored; did you mean "model"?"#))
        #expect(run.stderr.contains(#"did you mean "temperature"?"#))
        #expect(try binary.run(["config"]).stderr.contains("modle"))
    }

    @Test func theAPIKeyIsShownMaskedOnly() throws {
        let binary = try PanelistBinary()
        let key = "sk-abcdefghijklmnop1234"
        let set = try binary.run(["config", "set", "api_key", key])
        #expect(set.status == 0)
        #expect(!set.stdout.contains(key) && !set.stderr.contains(key))
        let shown = try binary.run(["config"])
        #expect(!shown.stdout.contains(key))
        #expect(shown.stdout.contains("api_key"))
        let attributes = try FileManager.default.attributesOfItem(atPath: configFile(binary).path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }
}
