import Dispatch

/// A value being computed on another thread: `fulfil` it there once, `wait` for it here.
final class Pending<Value: Sendable>: @unchecked Sendable {
    // Written once by `fulfil` before `done` is signalled, read only after `wait` saw the signal.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init() {}

    /// Computes `compute` on `queue`.
    convenience init(on queue: DispatchQueue, _ compute: @escaping @Sendable () -> Value) {
        self.init()
        queue.async { self.fulfil(compute()) }
    }

    /// Sets the value; call once.
    func fulfil(_ value: Value) {
        self.value = value
        done.signal()
    }

    /// Whether the value is there, so that `wait` would not block.
    var isReady: Bool {
        guard done.wait(timeout: .now()) == .success else { return false }
        done.signal()
        return true
    }

    /// The value, once it is there.
    func wait() -> Value {
        done.wait()
        done.signal()
        return value!
    }
}
