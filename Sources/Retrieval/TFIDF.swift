import Foundation

/// The TF-IDF weighting shared by indexing and querying.
///
/// - term frequency is sublinear: `1 + ln(tf)`;
/// - inverse document frequency is smoothed, `ln((1 + N) / (1 + df)) + 1`, so it never reaches
///   zero: a term present in every passage still counts a little;
/// - vectors are L2-normalised, so a dot product is the cosine similarity.
public enum TFIDF {
    /// The sublinear weight of a term that occurs `count` times.
    public static func termFrequency(_ count: Int) -> Double {
        count > 0 ? 1 + log(Double(count)) : 0
    }

    /// The smoothed inverse document frequency of a term found in `documentFrequency` of `passageCount` passages.
    public static func inverseDocumentFrequency(documentFrequency: Int, passageCount: Int) -> Double {
        log((1 + Double(passageCount)) / (1 + Double(documentFrequency))) + 1
    }

    /// Scales one passage's weights to unit length, summing the squares in key order so that the
    /// result is the same to the last bit however the weights were gathered.
    ///
    /// - Returns: The keys with their normalised weights, in key order; all-zero input stays zero.
    @inlinable
    public static func unitVector<Key: Comparable>(_ weights: [(Key, Double)]) -> [(Key, Double)] {
        var vector = weights
        normalise(&vector)
        return vector
    }

    /// Sorts `weights` by key and scales them to unit length in place, exactly as `unitVector`
    /// does, without allocating.
    @inlinable
    public static func normalise<Key: Comparable>(_ weights: inout [(Key, Double)]) {
        weights.sort { $0.0 < $1.0 }
        var sumOfSquares = 0.0
        for (_, weight) in weights { sumOfSquares = sumOfSquares + weight * weight }
        let norm = sqrt(sumOfSquares)
        guard norm > 0 else { return }
        for index in weights.indices { weights[index].1 = weights[index].1 / norm }
    }
}
