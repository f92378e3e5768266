// TEMP STUB (replaced by helper)
public struct EnglishStemmer: Sendable { public init() {}; public func stem(_ w: String) -> String { w.count > 4 && w.hasSuffix("s") ? String(w.dropLast()) : w } }
