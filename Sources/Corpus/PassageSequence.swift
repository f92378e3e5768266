/// Passages handed over one at a time, so a consumer never needs them all in memory.
public protocol PassageSequence {
    /// Calls `body` with every passage in order.
    ///
    /// - Returns: The `ContentHash` digest of everything that was read.
    /// - Throws: Whatever reading or `body` throws.
    func forEachPassage(_ body: (Passage) throws -> Void) throws -> String
    /// How many passages there are, when known before reading.
    var knownCount: Int? { get }
    /// How much of the input has been read so far, 0…1, when it can be told.
    var fractionRead: Double? { get }
}

extension LoadedCorpus: PassageSequence {
    public func forEachPassage(_ body: (Passage) throws -> Void) throws -> String {
        for passage in passages { try body(passage) }
        return contentHash
    }

    public var knownCount: Int? { passages.count }

    public var fractionRead: Double? { nil }
}
