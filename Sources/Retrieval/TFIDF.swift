import Foundation

/// The TF-IDF weighting of queries (passages are weighted by `TermSaturation`).
///
/// - a term repeated in a question weighs `1 + ln(tf)`;
/// - inverse document frequency is smoothed, `ln((1 + N) / (1 + df)) + 1`, so it never reaches
///   zero: a term present in every passage still counts a little (BM25's own IDF,
///   `ln(1 + (N − df + 0.5) / (df + 0.5))`, ranked no better at 100k passages).
public enum TFIDF {
    /// The sublinear weight of a term that occurs `count` times.
    public static func termFrequency(_ count: Int) -> Double {
        count > 0 ? 1 + log(Double(count)) : 0
    }

    /// The smoothed inverse document frequency of a term found in `documentFrequency` of `passageCount` passages.
    public static func inverseDocumentFrequency(documentFrequency: Int, passageCount: Int) -> Double {
        log((1 + Double(passageCount)) / (1 + Double(documentFrequency))) + 1
    }
}
