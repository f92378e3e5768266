/// A passage's weight for a term in one field: BM25's saturating term frequency with its
/// document-length normalisation, `tf / (tf + k1 × (1 − b + b × length / averageLength))`, in 0…1.
///
/// It replaced the cosine of sublinear TF-IDF vectors, which on large collections of passages of
/// varied length ranked the passage a query came from in the top 10 far less often than BM25
/// engines (docs/PERFORMANCE.md). The IDF is not part of it: the query vector carries it, so a
/// field's score is BM25's sum of IDF × saturated frequency (over the query vector's length,
/// which is the same for every passage). Being a function of the passage alone, the weight is
/// computed once when indexing and quantised like any posting weight, so MaxScore's bounds stay exact.
public struct TermSaturation: Sendable, Equatable {
    /// How quickly repeats stop counting: at `k1` = 1.2 a second occurrence adds about a third of
    /// the first's weight.
    public var k1: Double
    /// How much a field longer than the average is penalised (0: not at all, 1: in proportion).
    public var b: Double

    /// BM25's usual parameters (Robertson and Zaragoza), used for every field: k1 1.2 and b 0.75
    /// ranked best at 100k passages among k1 0.9–2.0 and b 0.4–0.9, and b 0–0.75 for the question
    /// and expert fields made no difference on the bundled corpus but to lose an evaluation item.
    public static let standard = TermSaturation(k1: 1.2, b: 0.75)

    public init(k1: Double, b: Double) {
        self.k1 = k1
        self.b = b
    }

    /// The weight of a term found `count` times in a field of `length` terms, where the passages
    /// that have any term in that field average `averageLength`.
    public func weight(count: Int, length: Int, averageLength: Double) -> Double {
        let frequency = Double(count)
        return frequency / (frequency + k1 * (1 - b + b * Double(length) / averageLength))
    }

    /// The average of `totalLength` terms over `passages` passages (1 when there are none).
    public static func averageLength(totalLength: Int, passages: Int) -> Double {
        passages > 0 ? Double(totalLength) / Double(passages) : 1
    }
}
