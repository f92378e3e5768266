/// The encoder's element-wise steps over rows of floats, eight lanes at a time: LayerNorm, GELU,
/// softmax, and the exponential they need. The matrix products are OpenBLAS's.
///
/// The approximations are PyTorch's CPU kernels' (the reference): erf by Abramowitz–Stegun 7.1.26
/// (absolute error 1.5e-7, 4e-7 in float arithmetic), exp by Cephes' polynomial after reduction by
/// ln 2 (relative error about 1e-7).
enum Kernels {
    typealias Vector = SIMD8<Float>
    static let lanes = Vector.scalarCount

    /// Normalises each of `rows` rows of `width` floats in place: (x − mean) / √(variance + ε) · γ + β,
    /// with the biased variance, as PyTorch's LayerNorm.
    ///
    /// - Complexity: O(rows · width).
    static func layerNorm(
        _ values: UnsafeMutablePointer<Float>, rows: Int, width: Int, scale: UnsafeBufferPointer<Float>,
        shift: UnsafeBufferPointer<Float>, epsilon: Float
    ) {
        precondition(width % lanes == 0 && scale.count == width && shift.count == width)
        let gamma = UnsafeRawPointer(scale.baseAddress.unsafelyUnwrapped)
        let beta = UnsafeRawPointer(shift.baseAddress.unsafelyUnwrapped)
        let stride = MemoryLayout<Vector>.stride
        for row in 0..<rows {
            let raw = UnsafeMutableRawPointer(values + row * width)
            var sum = Vector()
            for offset in Swift.stride(from: 0, to: width * 4, by: stride) {
                sum += raw.loadUnaligned(fromByteOffset: offset, as: Vector.self)
            }
            let mean = sum.sum() / Float(width)
            var squares = Vector()
            for offset in Swift.stride(from: 0, to: width * 4, by: stride) {
                let centred = raw.loadUnaligned(fromByteOffset: offset, as: Vector.self) - mean
                squares += centred * centred
            }
            let inverse = 1 / (squares.sum() / Float(width) + epsilon).squareRoot()
            for offset in Swift.stride(from: 0, to: width * 4, by: stride) {
                let centred = raw.loadUnaligned(fromByteOffset: offset, as: Vector.self) - mean
                let normalised =
                    centred * inverse * gamma.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                    + beta.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                raw.storeBytes(of: normalised, toByteOffset: offset, as: Vector.self)
            }
        }
    }

    /// GELU in place, the exact (erf) form BERT uses: x · ½ · (1 + erf(x / √2)).
    ///
    /// - Complexity: O(count).
    static func gelu(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(values)
        let whole = count / lanes * lanes
        for index in Swift.stride(from: 0, to: whole, by: lanes) {
            let x = raw.loadUnaligned(fromByteOffset: index * 4, as: Vector.self)
            raw.storeBytes(of: x * 0.5 * (1 + erf(x * 0.707_106_77)), toByteOffset: index * 4, as: Vector.self)
        }
        for index in whole..<count {
            let x = values[index]
            values[index] = x * 0.5 * (1 + erf(Vector(repeating: x * 0.707_106_77))[0])
        }
    }

    /// Replaces each of `rows` rows of `width` floats (rows `stride` floats apart) by its softmax.
    ///
    /// - Complexity: O(rows · width).
    static func softmax(_ values: UnsafeMutablePointer<Float>, rows: Int, width: Int, stride: Int) {
        let whole = width / lanes * lanes
        for row in 0..<rows {
            let line = values + row * stride
            let raw = UnsafeMutableRawPointer(line)
            var tail = Vector(repeating: -Float.infinity)
            for index in whole..<width { tail[index - whole] = line[index] }
            var largest = tail
            for offset in Swift.stride(from: 0, to: whole * 4, by: lanes * 4) {
                largest = pointwiseMax(largest, raw.loadUnaligned(fromByteOffset: offset, as: Vector.self))
            }
            let maximum = largest.max()
            var sum = Vector()
            for offset in Swift.stride(from: 0, to: whole * 4, by: lanes * 4) {
                let e = exp(raw.loadUnaligned(fromByteOffset: offset, as: Vector.self) - maximum)
                raw.storeBytes(of: e, toByteOffset: offset, as: Vector.self)
                sum += e
            }
            tail = exp(tail - maximum)
            for index in whole..<width { line[index] = tail[index - whole] }
            let inverse = 1 / (sum.sum() + tail.sum())
            for offset in Swift.stride(from: 0, to: whole * 4, by: lanes * 4) {
                let e = raw.loadUnaligned(fromByteOffset: offset, as: Vector.self)
                raw.storeBytes(of: e * inverse, toByteOffset: offset, as: Vector.self)
            }
            for index in whole..<width { line[index] *= inverse }
        }
    }

    /// eˣ per lane (Cephes `expf`): x = n·ln 2 + r with n the nearest integer to x / ln 2, a degree-6
    /// polynomial for eʳ, then 2ⁿ put into the exponent bits. Inputs below −87.3 give 0, −∞ gives 0.
    ///
    /// Only additions, multiplications, comparisons and bit operations, which SSE2 does eight lanes at a
    /// time in two instructions (`rounded(_:)` and float-to-integer conversion of SIMD vectors are
    /// element by element): n is rounded by adding and subtracting 1.5 · 2²³, whose low mantissa bits
    /// then hold n as an integer.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        let x = input.clamped(lowerBound: Vector(repeating: -87.336_54), upperBound: Vector(repeating: 88.376_26))
        let shifted = x * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p = Vector(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * r * r + r + 1
        let exponent = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4b40_0000 &+ 127) &<< 23
        var scaled = y * unsafeBitCast(exponent, to: Vector.self)
        scaled.replace(with: 0, where: input .< -87.336_54)
        return scaled
    }

    /// erf per lane, by Abramowitz–Stegun 7.1.26: 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵)·e^(−x²),
    /// t = 1 / (1 + p·|x|), with the sign of x.
    @inline(__always)
    static func erf(_ x: Vector) -> Vector {
        let magnitude = x.replacing(with: -x, where: x .< 0)
        let t = 1 / (1 + 0.327_591_1 * magnitude)
        var polynomial = Vector(repeating: 1.061_405_429)
        polynomial = polynomial * t - 1.453_152_027
        polynomial = polynomial * t + 1.421_413_741
        polynomial = polynomial * t - 0.284_496_736
        polynomial = polynomial * t + 0.254_829_592
        let value = 1 - polynomial * t * exp(-(magnitude * magnitude))
        return value.replacing(with: -value, where: x .< 0)
    }
}
