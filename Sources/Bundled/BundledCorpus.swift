import Foundation

/// The seed corpus shipped with Panelist (store/carnegie-moscow-experts.txt).
public enum BundledCorpus {
    /// The file name of the bundled corpus.
    public static let fileName = "carnegie-moscow-experts.txt"

    /// Where the bundled corpus file is, wherever the binary runs from.
    public static var url: URL? {
        Bundle.module.url(forResource: "carnegie-moscow-experts", withExtension: "txt")
    }
}
