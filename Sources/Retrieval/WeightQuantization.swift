/// Posting weights kept to 16 bits: a weight in 0…1 becomes one of 65,536 evenly spaced levels.
///
/// Every index rounds its weights this way before storing or scoring them, so the in-memory index and
/// the store hold the same values and rank alike; the store needs two bytes a weight instead of four.
/// The rounding error, at most 1/131,070, is far below any difference in weight that ranking depends on.
public enum WeightQuantization {
    /// The number of steps between 0 and 1.
    public static let steps = 65_535.0

    /// The level of `weight`, clamped to 0…1.
    public static func level(_ weight: Double) -> UInt16 {
        UInt16((min(max(weight, 0), 1) * steps).rounded())
    }

    /// The weight of `level`.
    public static func weight(ofLevel level: UInt16) -> Float {
        Float(Double(level) / steps)
    }

    /// `weight` rounded to its level: what an index stores and scores.
    public static func quantised(_ weight: Double) -> Float {
        self.weight(ofLevel: level(weight))
    }
}
