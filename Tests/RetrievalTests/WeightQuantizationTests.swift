import Retrieval
import Testing

@Suite struct WeightQuantizationTests {
    @Test func quantisingIsIdempotentAndClose() {
        for weight in stride(from: 0.0, through: 1.0, by: 0.000_37) {
            let once = WeightQuantization.quantised(weight)
            #expect(WeightQuantization.quantised(Double(once)) == once)
            #expect(abs(Double(once) - weight) <= 0.5 / WeightQuantization.steps + 1e-9)
        }
        #expect(WeightQuantization.level(1.5) == UInt16.max)
        #expect(WeightQuantization.level(-1) == 0)
    }
}
