import Testing

@testable import Encoder

/// Sentence vectors pooled from their passage's own forward pass (`SentenceEmbedder`).
@Suite struct LateChunkingTests {
    static let question = "What does the Kremlin think of Trump?"
    static let sentences = [
        "Over the past two years, Moscow been disappointed by Trump’s ability to improve relations with Russia.",
        "Today, the Kremlin is anything but a Trump fan club.",
        "Sanctions relief is not on the table.",
    ]

    @Test func aTextsVectorIsTheOneOfItsJoinedTextAndEachSentenceGetsAUnitVector() throws {
        let encoder = try RealModel.encoder()
        let text = SentencedText(heading: Self.question, sentences: Self.sentences)
        let embedded = try #require(encoder.embed([text], progress: { _ in }).first)
        let joined = encoder.embed(Self.question + "\n" + Self.sentences.joined(separator: "  "))
        #expect(cosine(embedded.vector, joined) > 0.99999)
        #expect(embedded.sentences.count == Self.sentences.count)
        for vector in embedded.sentences {
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 }.squareRoot() - 1) < 1e-5)
        }
        // Pooled in context, not the sentence alone: the passage's topic is in every sentence's vector.
        let alone = encoder.embed(Self.sentences[2])
        #expect(cosine(embedded.sentences[2], alone) < 0.99)
        #expect(cosine(embedded.sentences[2], encoder.embed(Self.question)) > cosine(alone, encoder.embed(Self.question)))
    }

    @Test func aSentenceBeyondTheTokenLimitIsEncodedOnItsOwn() throws {
        let encoder = try RealModel.encoder()
        let long = Array(repeating: "The Kremlin weighs its ties with China and with the United States every single year.", count: 20)
        let sentences = long + ["Sanctions relief is not on the table."]
        let embedded = try #require(encoder.embed([SentencedText(heading: "", sentences: sentences)], progress: { _ in }).first)
        #expect(embedded.sentences.count == sentences.count)
        #expect(cosine(embedded.sentences.last ?? [], encoder.embed(sentences.last ?? "")) > 0.9999)
        #expect(cosine(embedded.sentences[0], encoder.embed(sentences[0])) < 0.9999)
    }

    @Test func textsInABatchGetTheirOwnSentences() throws {
        let encoder = try RealModel.encoder()
        let texts = [
            SentencedText(heading: Self.question, sentences: Self.sentences),
            SentencedText(heading: "", sentences: []),
            SentencedText(heading: "Why?", sentences: ["Because of the sanctions.", "And the war."]),
        ]
        let batch = encoder.embed(texts, progress: { _ in })
        #expect(batch.map(\.sentences.count) == [3, 0, 2])
        for (text, embedded) in zip(texts, batch) {
            let alone = try #require(encoder.embed([text], progress: { _ in }).first)
            #expect(cosine(embedded.vector, alone.vector) > 0.99999)
            for (inBatch, single) in zip(embedded.sentences, alone.sentences) { #expect(cosine(inBatch, single) > 0.99999) }
        }
    }
}
