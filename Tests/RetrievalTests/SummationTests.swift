import Retrieval
import Testing

@Suite struct SummationTests {
    /// Every order of the same values, by Heap's algorithm.
    static func permutations(_ values: [Double]) -> [[Double]] {
        var values = values
        var result: [[Double]] = []
        func generate(_ count: Int) {
            guard count > 1 else { result.append(values); return }
            for index in 0..<count {
                generate(count - 1)
                values.swapAt(count % 2 == 0 ? index : 0, count - 1)
            }
        }
        generate(values.count)
        return result
    }

    @Test func theSumIsTheSameBitsInEveryOrder() {
        let values = [0.1, 0.2, 0.3, 0.7, 1e-3, 0.2141305160668551]
        let orders = Self.permutations(values)
        #expect(orders.count == 720)
        // The values are ones whose plain sum depends on the order…
        #expect(Set(orders.map { $0.reduce(0, +) }).count > 1)
        // …and the order-independent sum does not.
        #expect(Set(orders.map { $0.orderIndependentSum() }).count == 1)
        #expect(abs(values.orderIndependentSum() - 1.5151305160668551) < 1e-12)
        #expect([Double]().orderIndependentSum() == 0)
    }
}
