import Foundation
import Store

/// Prints build progress on standard error: rewritten in place on a terminal, one line per report otherwise.
final class ProgressLine {
    private let inPlace = isatty(STDERR_FILENO) != 0
    private var shown = false

    func show(_ progress: BuildProgress) {
        let text = inPlace ? "\r\u{1B}[K" + progress.line : progress.line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
        shown = true
    }

    /// Ends an in-place line.
    func finish() {
        if inPlace && shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
