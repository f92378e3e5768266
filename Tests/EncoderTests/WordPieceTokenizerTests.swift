import Testing

@testable import Encoder

@Suite struct WordPieceTokenizerTests {
    @Test func tokenIDsMatchTheReferenceExactly() throws {
        let tokenizer = try RealModel.tokenizer()
        var mismatches: [String] = []
        for item in EncoderFixture.shared.cases {
            let ids = tokenizer.encode(item.text)
            if ids != item.ids {
                mismatches.append(
                    "\(item.text.prefix(40).debugDescription): \(ids.prefix(20)) vs reference \(item.ids.prefix(20))")
            }
        }
        #expect(EncoderFixture.shared.cases.count >= 50)
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) texts tokenized differently:\n\(mismatches.joined(separator: "\n"))")
    }

    /// Every code point alone, normalised and split into words, hashed per block of 4,096 as
    /// scripts/make_encoder_fixture.py hashes the reference's output.
    @Test func everyCodePointIsNormalisedAndSplitAsTheReferenceDoes() {
        let normalizer = BertNormalizer()
        let preTokenizer = BertPreTokenizer()
        var differing: [String] = []
        for (block, expected) in EncoderFixture.shared.codePointBlocks.enumerated() {
            var state: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ bytes: some Sequence<UInt8>) {
                for byte in bytes { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            }
            for value in UInt32(block * 4096)..<UInt32((block + 1) * 4096) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let normalized = normalizer.normalize([scalar][...])
                mix(String(value, radix: 16).utf8)
                mix(CollectionOfOne(UInt8(ascii: ":")))
                for (index, word) in preTokenizer.words(normalized).enumerated() {
                    if index > 0 { mix(CollectionOfOne(UInt8(0x1f))) }
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: normalized[word])
                    mix(String(text).utf8)
                }
                mix(CollectionOfOne(UInt8(ascii: "\n")))
            }
            let digits = String(state, radix: 16)
            if String(repeating: "0", count: 16 - digits.count) + digits != expected {
                differing.append(String(block * 4096, radix: 16))
            }
        }
        #expect(EncoderFixture.shared.codePointBlocks.count == 0x110000 / 4096)
        #expect(
            differing.isEmpty, "blocks starting at U+\(differing.joined(separator: ", U+")) differ from the reference")
    }
}
