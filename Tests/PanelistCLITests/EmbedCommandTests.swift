import Encoder
import Foundation
import Testing

/// `embed --json` as a script sees it.
struct EmbedJSON: Decodable {
    var text: String
    var model: String
    var encoder: String
    var dimensions: Int
    var tokens: Int
    var truncated: Bool
    var embedding: [Float]
}

/// `panelist embed` through the real binary, over the real model (fetched by `make test`).
@Suite struct EmbedCommandTests {
    /// The binary's runs get a private cache; the model is found through PANELIST_MODEL_DIR.
    static let model = ["PANELIST_MODEL_DIR": ModelFiles.locate().directory]

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    @Test func printsOneLineOfNumbersPerText() throws {
        let run = try PanelistBinary().run(
            ["embed", "That is a happy person", "That is a happy dog"], environment: Self.model)
        #expect(run.status == 0, "\(run.stderr)")
        let vectors = run.stdout.split(separator: "\n").map { $0.split(separator: " ").compactMap { Float($0) } }
        #expect(vectors.count == 2)
        #expect(vectors.allSatisfy { $0.count == 384 })
        #expect(abs(Self.cosine(vectors[0], vectors[1]) - 0.6946) < 0.0001)
    }

    @Test func readsTextsFromStandardInputAndPrintsJSON() throws {
        let input =
            "What does Gabuev say about sanctions?\n\n" + Array(repeating: "word", count: 300).joined(separator: " ")
            + "\n"
        let run = try PanelistBinary().run(["embed", "--json"], input: input, environment: Self.model)
        #expect(run.status == 0, "\(run.stderr)")
        let decoder = JSONDecoder()
        let objects = try run.stdout.split(separator: "\n").map {
            try decoder.decode(EmbedJSON.self, from: Data($0.utf8))
        }
        #expect(
            objects.map(\.text) == [
                "What does Gabuev say about sanctions?", "",
                Array(repeating: "word", count: 300).joined(separator: " "),
            ])
        #expect(
            objects.allSatisfy { $0.model == "all-MiniLM-L6-v2" && $0.dimensions == 384 && $0.embedding.count == 384 })
        #expect(objects[0].encoder.hasPrefix("all-MiniLM-L6-v2@sha256:53aa5117"))
        #expect(objects.map(\.tokens) == [11, 2, 256])
        #expect(objects.map(\.truncated) == [false, false, true])
        #expect(abs(objects[0].embedding.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5)
    }

    @Test func aMissingModelIsOneLineSayingHowToFetchIt() throws {
        let run = try PanelistBinary().run(["embed", "question", "--model-dir", "/nonexistent/model"])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("not in /nonexistent/model"))
        #expect(run.stderr.contains("scripts/fetch-model.sh"))
    }

    @Test func aDamagedModelIsOneLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "panelist-damaged-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a model".utf8).write(to: folder.appendingPathComponent("model.safetensors"))
        try FileManager.default.copyItem(
            atPath: ModelFiles.locate().vocabularyPath, toPath: folder.appendingPathComponent("vocab.txt").path)
        let run = try PanelistBinary().run(["embed", "question"], environment: ["PANELIST_MODEL_DIR": folder.path])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("is damaged: model.safetensors is 11 bytes"))
    }

    /// OpenBLAS is opened by the encoder, not at start-up: `search` never loads it.
    @Test func otherCommandsDoNotLoadOpenBLAS() throws {
        let binary = try PanelistBinary()
        let search = try binary.run(["search", "sanctions", "--k", "1"], environment: ["LD_DEBUG": "libs"])
        #expect(search.status == 0)
        #expect(!search.stderr.contains("libopenblas"))
        let embed = try binary.run(
            ["embed", "sanctions"], environment: Self.model.merging(["LD_DEBUG": "libs"]) { $1 })
        #expect(embed.status == 0)
        #expect(embed.stderr.contains("libopenblas"))
    }
}
