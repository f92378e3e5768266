import Foundation
@testable import Store
import Testing

/// What is at a path decides whether a build may replace it (issue 13, items 1 and 2).
@Suite struct StoreFileTests {
    @Test func tellsStoresFromEverythingElse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("storefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("s.sqlite").path
        try Schema.create(Database(path: store, mode: .readWrite))
        let other = folder.appendingPathComponent("o.db").path
        try Database(path: other, mode: .readWrite).execute("CREATE TABLE t(a)")
        let text = folder.appendingPathComponent("t.txt").path
        try "SQLite format 3".write(toFile: text, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("e").path
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        let fifo = folder.appendingPathComponent("f").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store)
        #expect(StoreFile(at: store) == .store(schema: Schema.currentVersion))
        #expect(StoreFile(at: link) == .store(schema: Schema.currentVersion))
        #expect(StoreFile(at: other) == .otherDatabase)
        #expect(StoreFile(at: text) == .otherFile)
        #expect(StoreFile(at: empty) == .empty)
        #expect(StoreFile(at: fifo) == .special)
        #expect(StoreFile(at: "/dev/null") == .special)
        #expect(StoreFile(at: folder.path) == .folder)
        #expect(StoreFile(at: folder.appendingPathComponent("none").path) == .absent)
        #expect(StoreFile(at: text + "/below") == .absent)
        #expect([StoreFile.absent, .empty, .store(schema: 1)].allSatisfy { $0.isReplaceable })
        #expect(![StoreFile.otherDatabase, .otherFile, .folder, .special, .unreadable].contains { $0.isReplaceable })
    }
}
