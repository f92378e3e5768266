import Foundation
import Testing

@testable import Encoder

/// The reference's token ids and vectors (scripts/make_encoder_fixture.py) and the real model they
/// are compared with.
struct EncoderFixture: Decodable {
    struct Case: Decodable {
        var text: String
        var ids: [Int32]
        var embedding: [Float]
    }

    struct Published: Decodable {
        var anchor: String
        var text: String
        var similarity: Float
    }

    var published: [Published]
    var codePointBlocks: [String]
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
        case published, cases
        case codePointBlocks = "code_point_blocks"
    }

    static let shared: EncoderFixture = {
        do {
            let url = try #require(
                Bundle.module.url(forResource: "encoder_fixture", withExtension: "json", subdirectory: "Fixtures"))
            return try JSONDecoder().decode(EncoderFixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("Tests/EncoderTests/Fixtures/encoder_fixture.json cannot be read: \(error)")
        }
    }()
}

/// The model in the folder Panelist uses (`ModelFiles.locate()`), which `make test` fetches first.
enum RealModel {
    static let files = ModelFiles.locate()
    static let availability = EncoderAvailability.load(files)

    /// The encoder, or a recorded failure that says how to fetch the model.
    static func encoder() throws -> SentenceEncoder {
        switch availability {
        case .available(let encoder):
            return encoder
        case .unavailable(let error):
            Issue.record(
                "These tests run the real model, fetched by `make test` (scripts/fetch-model.sh): \(error.message)")
            throw error
        }
    }

    static let vocabulary: Vocabulary? = {
        guard let data = FileManager.default.contents(atPath: files.vocabularyPath) else { return nil }
        return try? Vocabulary(contents: Array(data))
    }()

    /// The tokenizer over the real vocabulary (no weights needed).
    static func tokenizer() throws -> WordPieceTokenizer {
        let vocabulary = try #require(vocabulary, "vocab.txt is not in \(files.directory); run scripts/fetch-model.sh")
        return WordPieceTokenizer(vocabulary: vocabulary)
    }
}

/// Σ aᵢbᵢ / (‖a‖‖b‖).
func cosine(_ a: [Float], _ b: [Float]) -> Float {
    var dot: Double = 0
    var aa: Double = 0
    var bb: Double = 0
    for (x, y) in zip(a, b) {
        dot += Double(x) * Double(y)
        aa += Double(x) * Double(x)
        bb += Double(y) * Double(y)
    }
    return Float(dot / (aa.squareRoot() * bb.squareRoot()))
}
