import Answering
import Conversations
import Foundation
import Store
import Testing

@Suite struct ConversationLogTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-log-\(UUID().uuidString)/conversations.sqlite").path

    func turn(_ question: String, answer: String, mode: AnswerMode = .extractive) -> LoggedTurn {
        LoggedTurn(conversation: 0, turn: 0, time: Date(timeIntervalSince1970: 1_800_000_000.25), corpus: "default", mode: mode,
                   question: question, answer: answer, abstained: false, citations: [], k: 5, expert: nil)
    }

    @Test func keepsTurnsInOrderPerConversation() throws {
        let log = try ConversationLog(path: path)
        let first = try log.append(turn("one", answer: "a"), to: nil).conversation
        let second = try log.append(turn("two", answer: "b"), to: nil).conversation
        #expect(first != second)
        try log.append(turn("three", answer: "c"), to: first)
        #expect(try log.turns(of: first).map(\.question) == ["one", "three"])
        #expect(try log.lastConversation() == first)
        // A conversation started later without a turn (a cleared chat) is the last one.
        let cleared = try log.startConversation(corpus: "default", time: Date(timeIntervalSince1970: 1_900_000_000))
        #expect(try log.lastConversation() == cleared)
        #expect(try log.recent(limit: 2).map(\.question) == ["two", "three"])
        let reopened = try ConversationLog(path: path)
        let kept = try #require(try reopened.turns(of: first).last)
        #expect(kept.time == Date(timeIntervalSince1970: 1_800_000_000.25))
        #expect(kept.conversation == first)
    }

    @Test func findsTurnsByWordsInQuestionOrAnswer() throws {
        let log = try ConversationLog(path: path)
        let id = try log.append(turn("What about sanctions?", answer: "They hurt."), to: nil).conversation
        try log.append(turn("And China?", answer: "Sanctions do not bite there."), to: id)
        try log.append(turn("Iran?", answer: "Allies."), to: id)
        #expect(Set(try log.search("sanctions", limit: 10).map(\.question)) == ["What about sanctions?", "And China?"])
        #expect(try log.search("china sanctions", limit: 10).map(\.question) == ["And China?"])
        // FTS5 syntax in the text is taken literally, not as an operator or an error.
        #expect(try log.search("\"iran\" OR NEAR(", limit: 10).isEmpty)
        #expect(try log.search("***", limit: 10).isEmpty)
    }

    @Test func writersOnSeparateConnectionsLoseNothing() throws {
        _ = try ConversationLog(path: path)
        let writers = 4
        let turns = 200
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            guard let log = try? ConversationLog(path: path), let id = try? log.append(turn("w\(writer) q0", answer: "a"), to: nil).conversation else { return }
            for n in 1..<turns { _ = try? log.append(turn("w\(writer) q\(n)", answer: "a"), to: id) }
        }
        #expect(try ConversationLog(path: path).recent(limit: 10_000).count == writers * turns)
    }

    /// As `ask` does, a process a turn: each opening recovers the write-ahead log, so SQLite's automatic
    /// checkpoint never restarts it, and it grew by every turn (and every `ask` with it).
    @Test func theWriteAheadLogStaysBoundedWhenEachTurnOpensTheLogAnew() throws {
        let turns = 400
        for n in 0..<turns {
            let log = try ConversationLog(path: path)
            try log.append(turn("question \(n) about sanctions and the Kremlin", answer: String(repeating: "An answer. ", count: 20)), to: nil)
        }
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(wal < 1_100 * 4_120, "\(wal) bytes of write-ahead log after \(turns) turns")
        #expect(try ConversationLog(path: path).recent(limit: 1_000).count == turns)
    }

    @Test func refusesALogOfANewerPanelist() throws {
        _ = try ConversationLog(path: path)
        try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = 99")
        #expect(throws: DatabaseError.self) { try ConversationLog(path: path) }
    }
}
