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

    /// Scales `weights` to unit length; all-zero input stays zero.
    public static func normalised<Key>(_ weights: [Key: Double]) -> [Key: Double] {
        let norm = sqrt(weights.values.reduce(0) { $0 + $1 * $1 })
        guard norm > 0 else { return weights }
        return weights.mapValues { $0 / norm }
    }
}
