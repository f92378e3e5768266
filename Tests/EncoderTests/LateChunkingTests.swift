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

    @Test func eachSentenceGetsAUnitVectorPooledInContext() throws {
        let encoder = try RealModel.encoder()
        let text = SentencedText(heading: Self.question, sentences: Self.sentences)
        let embedded = try #require(encoder.embed([text], progress: { _ in }).first)
        #expect(embedded.sentences.count == Self.sentences.count)
        for vector in embedded.sentences + [embedded.vector] {
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 }.squareRoot() - 1) < 1e-5)
        }
        // Pooled in context, not the sentence alone: the passage's topic is in every sentence's vector.
        let alone = encoder.embed(Self.sentences[2])
        #expect(cosine(embedded.sentences[2], alone) < 0.99)
        #expect(cosine(embedded.sentences[2], encoder.embed(Self.question)) > cosine(alone, encoder.embed(Self.question)))
    }

    /// A heading on one point does not drown an answer's other points: the text's vector is its
    /// sentences' tokens', which have seen the heading.
    @Test func aTextsVectorIsItsAnswersAndWithoutAHeadingItsJoinedTexts() throws {
        let encoder = try RealModel.encoder()
        let heading = "Why is Russian President Vladimir Putin still so eager to court U.S. President Donald Trump?"
        let sentences = [
            "Trump is actively disrupting the post–Cold War U.S.-led liberal global order, which Putin also vehemently rejects.",
            "The Kremlin sees Russia’s toxic reputation in the United States as the consequence of U.S. domestic political strife.",
            "It also believes that stronger economic ties between the two countries would enhance Russia’s brand in the United States.",
        ]
        let embedded = try #require(encoder.embed([SentencedText(heading: heading, sentences: sentences)], progress: { _ in }).first)
        let joined = encoder.embed(heading + "\n" + sentences.joined(separator: " "))
        let question = encoder.embed("What does the Kremlin think would make Russia look better in the eyes of Americans?")
        #expect(cosine(embedded.vector, joined) < 0.99)
        #expect(cosine(question, embedded.vector) > cosine(question, joined) + 0.02, "\(cosine(question, embedded.vector)) \(cosine(question, joined))")
        let headless = try #require(encoder.embed([SentencedText(heading: "", sentences: sentences)], progress: { _ in }).first)
        #expect(cosine(headless.vector, encoder.embed(sentences.joined(separator: " "))) > 0.99999)
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
