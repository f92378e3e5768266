import Foundation

/// Stops the run with `message` when `condition` is false, so libFuzzer keeps the input as a crash.
///
/// Targets check what the code promises (numbering, no empty passages, one-line messages), not just
/// that it does not trap; a broken promise is as much a finding as a crash.
func fuzzCheck(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    guard !condition else { return }
    FileHandle.standardError.write(Data("fuzz check failed at \(file):\(line): \(message())\n".utf8))
    abort()
}

/// The bytes libFuzzer hands over, as a Swift array (empty when there are none).
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
