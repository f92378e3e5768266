import Corpus

/// The lead prior of passages taken in order: how much the question field counts for each.
///
/// An answer states its point first and elaborates after, so a match on the question counts
/// fully for the first paragraph of an answer and less for each later one:
/// `1 / (1 + leadDecay × (position − 1))`, where position counts the consecutive passages of one
/// source that answer the same question.
public struct LeadPrior: Sendable {
    /// How fast the prior falls with a paragraph's position in its answer.
    public static let leadDecay = 0.5
    private var previous: (source: String, question: String)?
    private var position = 0

    public init() {}

    /// The factor of `passage`, the next passage in corpus order.
    public mutating func next(_ passage: Passage) -> Double {
        position = previous?.source == passage.source && previous?.question == passage.question ? position + 1 : 1
        previous = (passage.source, passage.question)
        return 1 / (1 + Self.leadDecay * Double(position - 1))
    }
}
