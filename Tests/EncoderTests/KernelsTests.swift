import Foundation
import Testing

@testable import Encoder

@Suite struct KernelsTests {
    @Test func expIsAccurate() {
        for x in stride(from: Float(-87), through: 88, by: 0.37) {
            let value = Kernels.exp(Kernels.Vector(repeating: x))[0]
            #expect(abs(value - Foundation.exp(x)) <= 2e-7 * Foundation.exp(x), "exp(\(x))")
        }
        #expect(Kernels.exp(Kernels.Vector(repeating: -.infinity))[0] == 0)
        #expect(Kernels.exp(Kernels.Vector(repeating: -100))[0] == 0)
    }

    @Test func erfIsAccurate() {
        for x in stride(from: Float(-6), through: 6, by: 0.01) {
            #expect(abs(Kernels.erf(Kernels.Vector(repeating: x))[0] - Foundation.erf(x)) <= 5e-7, "erf(\(x))")
        }
    }

    @Test func geluIsTheErfForm() {
        var values: [Float] = stride(from: Float(-5), through: 5, by: 0.1).map { $0 }
        let expected = values.map { Double($0) * 0.5 * (1 + Foundation.erf(Double($0) / 2.0.squareRoot())) }
        values.withUnsafeMutableBufferPointer { Kernels.gelu($0.baseAddress!, count: $0.count) }
        for (value, reference) in zip(values, expected) {
            #expect(abs(Double(value) - reference) <= 1e-6)
        }
    }

    @Test func softmaxRowsSumToOne() {
        var rows: [Float] = (0..<33).map { Float($0 % 7) - 3 } + (0..<33).map { Float($0) * 10 }
        rows.withUnsafeMutableBufferPointer { Kernels.softmax($0.baseAddress!, rows: 2, width: 33, stride: 33) }
        #expect(abs(rows[0..<33].reduce(0, +) - 1) < 1e-6)
        #expect(abs(rows[33..<66].reduce(0, +) - 1) < 1e-6)
        #expect(rows[65] > 0.99)
        let first = (0..<33).map { Foundation.exp(Double($0 % 7) - 3) }
        #expect(abs(Double(rows[3]) - first[3] / first.reduce(0, +)) < 1e-7)
    }

    @Test func layerNormMatchesItsDefinition() {
        let width = 16
        var values: [Float] = (0..<(2 * width)).map { Float($0 * $0 % 11) - 2.5 }
        let original = values
        let scale: [Float] = (0..<width).map { 1 + Float($0) / 10 }
        let shift: [Float] = (0..<width).map { Float($0) / 100 }
        scale.withUnsafeBufferPointer { gamma in
            shift.withUnsafeBufferPointer { beta in
                values.withUnsafeMutableBufferPointer {
                    Kernels.layerNorm($0.baseAddress!, rows: 2, width: width, scale: gamma, shift: beta, epsilon: 1e-12)
                }
            }
        }
        for row in 0..<2 {
            let slice = original[(row * width)..<((row + 1) * width)].map(Double.init)
            let mean = slice.reduce(0, +) / Double(width)
            let variance = slice.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(width)
            for column in 0..<width {
                let expected =
                    (slice[column] - mean) / variance.squareRoot() * Double(scale[column]) + Double(shift[column])
                #expect(abs(Double(values[row * width + column]) - expected) < 1e-5)
            }
        }
    }
}
