import Foundation

/// Passes `BuildProgress` to a reporter at most every `interval` seconds, and times each phase.
final class ProgressMeter {
    let interval: Double
    let report: ((BuildProgress) -> Void)?
    var started = Date()
    var last = Date()

    init(interval: Double, report: ((BuildProgress) -> Void)?) {
        self.interval = interval
        self.report = report
    }

    func begin() {
        started = Date()
        last = started
    }

    func tick(_ progress: @autoclosure () -> BuildProgress, force: Bool = false) {
        guard let report else { return }
        let now = Date()
        guard force || now.timeIntervalSince(last) >= interval else { return }
        last = now
        report(progress())
    }

    var elapsed: Double { Date().timeIntervalSince(started) }
}
