@testable import Corpus
import Foundation
import Testing

@Suite struct DocumentNameTests {
    @Test func filesOfDistinctStemsKeepTheirNames() {
        let names = DocumentName.distinct(for: [URL(fileURLWithPath: "/c/interviews.txt"), URL(fileURLWithPath: "/d/notes.md")])
        #expect(names == [DocumentName(source: "interviews.txt", idStem: "interviews"), DocumentName(source: "notes.md", idStem: "notes")])
    }

    @Test func filesSharingAStemAreNamedByTheShortestEndOfTheirPaths() {
        let files = ["/r/a/x.txt", "/r/b/x.txt", "/r/b/x.md", "/r/y.txt"].map { URL(fileURLWithPath: $0) }
        #expect(DocumentName.distinct(for: files).map(\.idStem) == ["a/x.txt", "b/x.txt", "b/x.md", "y"])
        let siblings = ["/r/x.txt", "/r/x.md"].map { URL(fileURLWithPath: $0) }
        #expect(DocumentName.distinct(for: siblings).map(\.source) == ["x.txt", "x.md"])
    }
}
