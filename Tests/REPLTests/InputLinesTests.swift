import Foundation
import Testing
@testable import REPL

@Suite struct InputLinesTests {
    /// Every line of `input` read back through a file with the given limit and read size.
    func lines(of input: String, limit: Int, chunkSize: Int) throws -> [InputLine] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("input-lines-\(UUID().uuidString)")
        try Data(input.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let reader = InputLines(fileDescriptor: handle.fileDescriptor, limit: limit, chunkSize: chunkSize)
        return Array(sequence(state: reader) { $0.next() })
    }

    @Test(arguments: [1, 3, 7, 64 * 1024])
    func splitsLinesKeepsShortOnesAndSkipsLongOnesWhateverTheReadSize(chunkSize: Int) throws {
        let input = "one\r\ntwo\n\nexactly10!\n" + String(repeating: "z", count: 25) + "\nelevenchars\nlast"
        #expect(try lines(of: input, limit: 10, chunkSize: chunkSize) == [
            .text("one"), .text("two"), .text(""), .text("exactly10!"), .tooLong(bytes: 25), .tooLong(bytes: 11),
            .text("last"),
        ])
    }

    @Test func emptyInputHasNoLines() throws {
        #expect(try lines(of: "", limit: 10, chunkSize: 4).isEmpty)
        #expect(try lines(of: "\n", limit: 10, chunkSize: 4) == [.text("")])
    }

    @Test func multiByteCharactersSurviveSplitReads() throws {
        #expect(try lines(of: "Grüße ☕\n👋", limit: 100, chunkSize: 1) == [.text("Grüße ☕"), .text("👋")])
    }
}
