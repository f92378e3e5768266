import Foundation
@testable import Store
import Testing

/// `handOff` splits a build step over two threads: what it hands over arrives whole and in order,
/// and an error on either side ends both without a thread left running.
@Suite struct HandoffTests {
    struct Failure: Error, Equatable {}

    /// What the producer saw, read once `handOff` has returned.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int] = []
        func add(_ value: Int) { lock.withLock { values.append(value) } }
        var all: [Int] { lock.withLock { values } }
    }

    @Test(arguments: [1, 2, 7])
    func everyItemArrivesInOrder(capacity: Int) throws {
        var taken: [Int] = []
        try handOff(capacity: capacity, produce: { put in
            for value in 0..<1_000 { try put(value) }
        }, consume: { taken.append($0) })
        #expect(taken == Array(0..<1_000))
    }

    @Test func theProducersErrorComesAfterWhatItHandedOver() {
        var taken: [Int] = []
        #expect(throws: Failure.self) {
            try handOff(capacity: 2, produce: { put in
                for value in 0..<10 { try put(value) }
                throw Failure()
            }, consume: { taken.append($0) })
        }
        #expect(taken == Array(0..<10))
    }

    @Test func theConsumersErrorStopsTheProducerBeforeReturning() {
        let log = Log()
        #expect(throws: Failure.self) {
            try handOff(capacity: 2, produce: { put in
                for value in 0..<1_000_000 {
                    try put(value)
                    log.add(value)
                }
            }, consume: { value in if value == 5 { throw Failure() } })
        }
        // The producer was waiting to hand over more and gave up: it stops within the buffer's reach, and for good.
        let seen = log.all.count
        #expect(seen < 10)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(log.all.count == seen)
    }
}
