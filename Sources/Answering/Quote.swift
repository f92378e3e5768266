import Search

/// A sentence chosen for an answer: the passage it is quoted from, and for answers grouped by expert
/// the expert it introduces.
struct Quote: Sendable, Equatable {
    var ranked: RankedPassage
    var text: String
    /// The expert line this sentence opens ("Alexander Gabuev: …"); nil when it continues one or the answer is not grouped.
    var speaker: String?
}
