import Dispatch
import Foundation

/// Splits a sequential job in two halves that run on two cores: `produce` on another thread hands
/// items over, in order, to `consume` on the caller's thread.
///
/// At most `capacity` items wait between them, so memory stays bounded. When `consume` throws, the
/// producer is told to stop (its next `put` throws) and the call returns only once it has, so that
/// nothing it uses is touched afterwards; when `produce` throws, the items it handed over before are
/// consumed and its error is rethrown.
///
/// - Parameters:
///   - produce: Called once, on another thread, with the `put` that hands an item over (blocking
///     while `capacity` items wait).
///   - consume: Called on the caller's thread with each item, in the order they were put.
func handOff<Item>(capacity: Int = 4, produce: @escaping @Sendable (_ put: (Item) throws -> Void) throws -> Void,
                   consume: (Item) throws -> Void) throws {
    let handoff = Handoff<Item>(capacity: capacity)
    DispatchQueue.global().async {
        do {
            try produce(handoff.put)
            handoff.finish(throwing: nil)
        } catch {
            handoff.finish(throwing: error)
        }
    }
    do {
        while let item = try handoff.take() { try consume(item) }
    } catch {
        handoff.cancel()
        throw error
    }
}

/// The buffer between `handOff`'s two threads.
private final class Handoff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    // Guarded by `condition`.
    private var items: [Item] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    /// The error `put` throws once the consumer has given up.
    struct Cancelled: Error {}

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands `item` over, waiting while the buffer is full.
    func put(_ item: Item) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        items.append(item)
        condition.broadcast()
    }

    /// Marks the end of the items, or the producer's error.
    func finish(throwing error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next item, nil after the last; rethrows the producer's error after its last item.
    func take() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished { condition.wait() }
        if !items.isEmpty {
            condition.broadcast()
            return items.removeFirst()
        }
        if let failure, !(failure is Cancelled) { throw failure }
        return nil
    }

    /// Stops the producer and waits until it has finished.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        items.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
    }
}
