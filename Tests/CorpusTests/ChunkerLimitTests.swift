@testable import Corpus
import Testing

/// No passage is unbounded, whatever the input (issue 13, item 11).
@Suite struct ChunkerLimitTests {
    let chunker = Chunker(maxWords: 10)

    @Test func aRunOnSentenceIsCutAtSpaces() {
        let text = (1...45).map { "w\($0)" }.joined(separator: " ")
        let pieces = chunker.chunks(of: text)
        #expect(pieces.map(Chunker.wordCount) == [10, 10, 10, 10, 5])
        #expect(pieces.joined(separator: " ") == text)
    }

    @Test func aSentenceUpToTwiceTheLimitStaysWhole() {
        let sentence = (1...18).map { "w\($0)" }.joined(separator: " ") + "."
        #expect(chunker.chunks(of: sentence) == [sentence])
    }

    @Test func textWithoutSpacesIsCutBetweenCharacters() {
        let text = String(repeating: "é", count: 500)
        let pieces = chunker.chunks(of: text)
        #expect(pieces.allSatisfy { $0.utf8.count <= chunker.maxBytes })
        #expect(pieces.joined() == text)
    }
}
