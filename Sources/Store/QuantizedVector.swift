/// A unit vector kept in one signed byte per component and a scale: 388 bytes for 384 dimensions,
/// a quarter of float32 and half of float16.
///
/// Components are rounded to multiples of `max |x| / 127`; the stored scale also divides by the norm
/// of the rounded vector, so a dot product with a unit query is the cosine of the query with the
/// rounded direction. The rounding moves a MiniLM vector by a cosine of about 0.9999, well below the
/// differences that order passages (docs/RETRIEVAL.md, `QuantizedVectorTests`).
///
/// Layout: the scale as a little-endian float32, then one int8 per component.
public enum QuantizedVector {
    /// The bytes of `vector`.
    public static func encode(_ vector: [Float]) -> [UInt8] {
        let largest = vector.reduce(Float(0)) { max($0, abs($1)) }
        let step = largest > 0 ? largest / 127 : 1
        let levels = vector.map { Int8(clamping: Int(($0 / step).rounded())) }
        let norm = levels.reduce(Float(0)) { $0 + Float($1) * Float($1) }.squareRoot()
        let scale = norm > 0 ? 1 / norm : 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + levels.count)
        withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: levels.map { UInt8(bitPattern: $0) })
        return bytes
    }

    /// The dimensions of a vector stored in `byteCount` bytes.
    public static func dimensions(ofByteCount byteCount: Int) -> Int { byteCount - 4 }

    /// The scale stored at the start of `bytes`.
    static func scale(of bytes: UnsafeRawBufferPointer) -> Float {
        Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
    }

    /// The vector again, as floats (for tests and `embed`-style output).
    public static func decode(_ bytes: [UInt8]) -> [Float] {
        bytes.withUnsafeBytes { raw in
            let scale = Self.scale(of: raw)
            return raw.dropFirst(4).map { Float(Int8(bitPattern: $0)) * scale }
        }
    }
}
