/// How the lexical and the meaning parts of a passage's score are combined (`eval --compare` shows each).
public enum Fusion: Sendable, Equatable {
    /// TF-IDF alone.
    case lexical
    /// The cosine of the vectors alone.
    case meaning
    /// `lexicalWeight × lexical + (1 − lexicalWeight) × max(0, cosine)`: both are cosines in 0…1.
    case weighted(lexicalWeight: Double)
    /// Reciprocal-rank fusion: `1/(k + lexical rank) + 1/(k + meaning rank)`, scores ignored.
    case reciprocalRank(k: Double)

    /// Whether the words are scored.
    public var usesWords: Bool { self != .meaning }
    /// Whether the vectors are compared.
    public var usesMeaning: Bool { self != .lexical }

    /// The fused score of each passage, from its lexical score and its cosine (nil: no vectors, when
    /// the lexical score is kept as it is).
    public func scores(lexical: [Double], similarities: [Double?]) -> [Double] {
        switch self {
        case .lexical:
            return lexical
        case .meaning:
            return zip(lexical, similarities).map { $1 ?? $0 }
        case .weighted(let weight):
            return zip(lexical, similarities).map { lexical, similarity in
                similarity.map { weight * lexical + (1 - weight) * max(0, $0) } ?? lexical
            }
        case .reciprocalRank(let k):
            guard similarities.contains(where: { $0 != nil }) else { return lexical }
            let byWords = Self.ranks(lexical), byMeaning = Self.ranks(similarities.map { $0 ?? -1 })
            return lexical.indices.map { index in
                (lexical[index] > 0 ? 1 / (k + byWords[index]) : 0) + 1 / (k + byMeaning[index])
            }
        }
    }

    /// The 1-based rank of each value, largest first; ties by position.
    static func ranks(_ values: [Double]) -> [Double] {
        var ranks = [Double](repeating: 0, count: values.count)
        for (rank, index) in values.indices.sorted(by: { (values[$0], $1) > (values[$1], $0) }).enumerated() { ranks[index] = Double(rank + 1) }
        return ranks
    }
}
