import Answering
import Search
import Testing

/// How the lexical score and the cosine of meaning are combined (`Fusion`, chosen by `eval --compare`).
@Suite struct FusionTests {
    let lexical = [0.40, 0.10, 0.0]
    let similarities: [Double?] = [0.20, 0.70, 0.50]

    @Test func weightedMixesBothCosines() {
        let fused = Fusion.weighted(lexicalWeight: 0.5).scores(lexical: lexical, similarities: similarities)
        #expect(zip(fused, [0.30, 0.40, 0.25]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(Fusion.weighted(lexicalWeight: 0.5).scores(lexical: [0.3], similarities: [-0.2]) == [0.15], "a negative cosine adds nothing")
    }

    @Test func eitherPartAloneAndNoVectors() {
        #expect(Fusion.lexical.scores(lexical: lexical, similarities: similarities) == lexical)
        #expect(Fusion.meaning.scores(lexical: lexical, similarities: similarities) == [0.20, 0.70, 0.50])
        #expect(Fusion.weighted(lexicalWeight: 0.5).scores(lexical: lexical, similarities: [nil, nil, nil]) == lexical)
        #expect(!Fusion.lexical.usesMeaning && Fusion.lexical.usesWords && !Fusion.meaning.usesWords)
    }

    @Test func reciprocalRanksIgnoreScores() {
        let fused = Fusion.reciprocalRank(k: 60).scores(lexical: lexical, similarities: similarities)
        #expect(abs(fused[0] - (1.0 / 61 + 1.0 / 63)) < 1e-12)
        #expect(abs(fused[1] - (1.0 / 62 + 1.0 / 61)) < 1e-12)
        #expect(abs(fused[2] - 1.0 / 62) < 1e-12, "no words matched: the meaning rank alone")
    }
}
