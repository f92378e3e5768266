import Testing

@testable import Encoder

@Suite struct SentenceEncoderTests {
    /// The fixture's texts, and their vectors one call each (computed once for the suite).
    static let texts = EncoderFixture.shared.cases.map(\.text)
    static let singles: [[Float]]? = (try? RealModel.encoder()).map { encoder in texts.map { encoder.embed($0) } }

    @Test func vectorsMatchTheReference() throws {
        let singles = try #require(Self.singles, "the model is not available")
        var lowest: (cosine: Float, text: String) = (1, "")
        for (item, vector) in zip(EncoderFixture.shared.cases, singles) {
            #expect(vector.count == 384)
            let similarity = cosine(vector, item.embedding)
            if similarity < lowest.cosine { lowest = (similarity, item.text) }
        }
        #expect(
            lowest.cosine >= 0.9999, "lowest cosine \(lowest.cosine) for \(lowest.text.prefix(60).debugDescription)")
    }

    @Test func publishedSimilaritiesAreReproduced() throws {
        let encoder = try RealModel.encoder()
        for published in EncoderFixture.shared.published {
            let similarity = cosine(encoder.embed(published.anchor), encoder.embed(published.text))
            #expect(
                abs(similarity - published.similarity) < 0.00005,
                "\(published.text): \(similarity), published \(published.similarity)")
        }
    }

    @Test func vectorsAreUnitLength() throws {
        let encoder = try RealModel.encoder()
        for text in ["", "Sanctions", "What does the Kremlin think of Trump?"] {
            let norm = encoder.embed(text).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    /// A text's vector is the same alone or in a batch of texts of other lengths, in whatever order,
    /// to within float rounding: OpenBLAS blocks a product's sums by its number of rows (a 1-row and a
    /// 4,096-row product of the same rows differ in the last bit), so bits may differ, by at most 2e-7
    /// here. The same call gives the same bits every time.
    @Test func batchesGiveTheVectorsOfSingleTexts() throws {
        let encoder = try RealModel.encoder()
        let singles = try #require(Self.singles)
        let batch = encoder.embed(Self.texts)
        #expect(largestDifference(batch, singles) <= 1e-6)
        #expect(largestDifference(encoder.embed(Self.texts.reversed()), singles.reversed()) <= 1e-6)
        #expect(encoder.embed(Self.texts) == batch)
        #expect(encoder.embed(Self.texts[5]) == singles[5])
    }

    @Test func largeBatchesAreEncodedInPartsOfBoundedSize() throws {
        let small = try SentenceEncoder(files: RealModel.files, maximumBatchTokens: 256)
        let texts = Self.texts
        var reported: [Int] = []
        let vectors = small.embed(texts) { reported.append($0) }
        #expect(largestDifference(vectors, try #require(Self.singles)) <= 1e-6)
        #expect(reported.last == texts.count)
        #expect(reported == reported.sorted() && Set(reported).count == reported.count)
        let tokens = texts.map { small.tokenizer.encode($0).count }
        var start = 0
        for end in reported {
            #expect(end - start == 1 || tokens[start..<end].reduce(0, +) <= 256)
            start = end
        }
    }

    @Test func progressCanStopTheWork() throws {
        struct Stop: Error {}
        let encoder = try SentenceEncoder(files: RealModel.files, maximumBatchTokens: 256)
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try encoder.embed(EncoderFixture.shared.cases.map(\.text)) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }

    @Test func identityNamesTheModelAndItsWeights() throws {
        let encoder = try RealModel.encoder()
        #expect(encoder.dimensions == 384)
        #expect(
            encoder.identity.identifier
                == "all-MiniLM-L6-v2@sha256:53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db/max-tokens=256"
        )
        #expect(encoder.identity.description == "all-MiniLM-L6-v2 (53aa5117)")
    }

    @Test func emptyInputGivesNoVectors() throws {
        #expect(try RealModel.encoder().embed([String]()).isEmpty)
    }
}

/// The largest difference between corresponding components.
func largestDifference(_ a: [[Float]], _ b: [[Float]]) -> Float {
    precondition(a.count == b.count)
    return zip(a, b).map { zip($0, $1).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
}

extension SentenceEncoderTests {
    /// The encoder is shared between threads: calls at the same time give the vectors of calls one
    /// after another.
    @Test func concurrentCallsGiveTheSameVectors() async throws {
        let encoder = try RealModel.encoder()
        let texts = Array(Self.texts.prefix(16))
        let expected = encoder.embed(texts)
        let results = await withTaskGroup(of: [[Float]].self) { group in
            for _ in 0..<3 { group.addTask { encoder.embed(texts) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 3)
        for result in results { #expect(result == expected) }
    }
}
