import Foundation
import Testing

@testable import Encoder

@Suite struct ModelFilesTests {
    @Test func theFolderIsTheOptionThenTheEnvironmentThenTheCache() {
        let environment = ["HOME": "/home/u", "XDG_CACHE_HOME": "/xdg", "PANELIST_MODEL_DIR": "/env"]
        #expect(
            ModelFiles.locate(modelDirectory: "/opt", environment: environment)
                == ModelFiles(directory: "/opt", origin: .option))
        #expect(ModelFiles.locate(environment: environment) == ModelFiles(directory: "/env", origin: .environment))
        #expect(
            ModelFiles.locate(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/xdg"]).directory
                == "/xdg/panelist/models/all-MiniLM-L6-v2")
        #expect(
            ModelFiles.locate(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": ""]).directory
                == "/home/u/.cache/panelist/models/all-MiniLM-L6-v2")
        #expect(ModelFiles(directory: "/d/", origin: .option).weightsPath == "/d/model.safetensors")
    }

    /// A temporary model folder with links to, or copies of, the real files.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-model-\(UUID().uuidString)")
        var files: ModelFiles { ModelFiles(directory: url.path, origin: .option) }

        init(linkWeights: Bool = true, copyVocabulary: Bool = true) throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            if linkWeights {
                try FileManager.default.createSymbolicLink(
                    atPath: url.appendingPathComponent("model.safetensors").path,
                    withDestinationPath: RealModel.files.weightsPath)
            }
            if copyVocabulary {
                try FileManager.default.copyItem(
                    atPath: RealModel.files.vocabularyPath, toPath: url.appendingPathComponent("vocab.txt").path)
            }
        }

        func write(_ bytes: [UInt8], to name: String) throws {
            let path = url.appendingPathComponent(name).path
            try? FileManager.default.removeItem(atPath: path)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    func error(loading files: ModelFiles) -> EncoderError? {
        guard case .unavailable(let error) = EncoderAvailability.load(files) else { return nil }
        return error
    }

    @Test func aMissingFolderOrFileIsMissing() throws {
        let nowhere = ModelFiles(directory: "/nonexistent/panelist-model", origin: .cache)
        #expect(
            error(loading: nowhere)
                == EncoderError(
                    .modelMissing,
                    "The sentence encoder's model is not in /nonexistent/panelist-model (no model.safetensors); fetch it with scripts/fetch-model.sh (or `make deps`)."
                ))
        let folder = try Folder(copyVocabulary: false)
        defer { folder.remove() }
        let missing = try #require(error(loading: folder.files))
        #expect(missing.code == .modelMissing)
        #expect(
            missing.message
                == "The sentence encoder's model is not in \(folder.url.path) (no vocab.txt); fetch it with PANELIST_MODEL_DIR=\(folder.url.path) scripts/fetch-model.sh."
        )
    }

    @Test func aFileOfAnotherSizeIsDamaged() throws {
        let folder = try Folder(linkWeights: false)
        defer { folder.remove() }
        try folder.write([1, 2, 3], to: "model.safetensors")
        let damaged = try #require(error(loading: folder.files))
        #expect(damaged.code == .modelDamaged)
        #expect(
            damaged.message.contains("is damaged: model.safetensors is 3 bytes, expected 90868376; fetch it again with")
        )
        #expect(!damaged.message.contains("\n"))
    }

    @Test func aFileOfTheRightSizeButAnotherHashIsDamaged() throws {
        let folder = try Folder()
        defer { folder.remove() }
        var vocabulary = try Array(Data(contentsOf: URL(fileURLWithPath: RealModel.files.vocabularyPath)))
        vocabulary[vocabulary.count - 2] ^= 0x01
        try folder.write(vocabulary, to: "vocab.txt")
        let damaged = try #require(error(loading: folder.files))
        #expect(damaged.code == .modelDamaged)
        #expect(damaged.message.contains("vocab.txt has SHA-256 "))
    }

    /// A verified folder gets a stamp in scripts/fetch-model.sh's format; a file changed afterwards
    /// no longer matches its line and is hashed (and refused) again.
    @Test func verificationIsRememberedUntilAFileChanges() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try folder.files.verify()
        let stamp = try String(contentsOf: folder.url.appendingPathComponent("verified"), encoding: .utf8)
        let lines = stamp.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(
            lines.map { $0.prefix(2).joined(separator: " ") } == [
                "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
                "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
            ])
        #expect(lines.allSatisfy { $0.count == 6 })
        try folder.files.verify()

        var vocabulary = try Array(Data(contentsOf: URL(fileURLWithPath: RealModel.files.vocabularyPath)))
        vocabulary[0] = UInt8(ascii: "{")
        try folder.write(vocabulary, to: "vocab.txt")
        #expect(throws: EncoderError.self) { try folder.files.verify() }
    }

    @Test func theNoticeIsOneLine() {
        let availability = EncoderAvailability.load(ModelFiles(directory: "/nonexistent", origin: .cache))
        #expect(availability.encoder == nil)
        let notice = availability.notice ?? ""
        #expect(notice.hasPrefix("Matching by meaning is off: The sentence encoder's model is not in /nonexistent"))
        #expect(!notice.contains("\n"))
    }
}
