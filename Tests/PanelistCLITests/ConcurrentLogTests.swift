import Foundation
import Testing

/// Two chats writing the same conversation log at once lose no turn.
@Suite struct ConcurrentLogTests {
    /// How long both chats keep answering (`PANELIST_SOAK_SECONDS` to run longer or shorter).
    static let seconds = ProcessInfo.processInfo.environment["PANELIST_SOAK_SECONDS"].flatMap(Double.init) ?? 60

    @Test func twoChatsWritingForAMinuteLoseNoTurn() throws {
        let binary = try PanelistBinary()
        try PanelistBinary.buildDefaultStore()
        let questions = ["What does the Kremlin think about China?", "Is Russia worried about sanctions?", "And Iran?",
                         "What does the Kremlin want in Syria?", "Why is the Ukraine crisis heating up again?"]
        let chats = try (0..<2).map { n in
            try binary.startFed(["chat"], errors: binary.home.appendingPathComponent("errors-\(n)"))
        }
        let sent = Counter()
        let deadline = Date().addingTimeInterval(Self.seconds)
        DispatchQueue.concurrentPerform(iterations: chats.count) { n in
            var count = 0
            while Date() < deadline {
                chats[n].input.write(Data((questions[count % questions.count] + "\n").utf8))
                count += 1
                Thread.sleep(forTimeInterval: 0.02)
            }
            try? chats[n].input.close()
            sent.add(count)
        }
        for chat in chats {
            chat.process.waitUntilExit()
            #expect(chat.process.terminationStatus == 0)
        }
        for n in 0..<chats.count {
            let errors = try String(contentsOf: binary.home.appendingPathComponent("errors-\(n)"), encoding: .utf8)
            #expect(errors.isEmpty, "chat \(n) reported: \(errors.prefix(300))")
        }
        let logged = try binary.run(["logs", "--json", "-n", "1000000"]).stdout.split(separator: "\n")
        #expect(sent.total > 100)
        #expect(logged.count == sent.total)
        let conversations = Set(try logged.map { try JSONDecoder().decode(ConversationLogCommandTests.LogJSON.self, from: Data($0.utf8)).conversation })
        #expect(conversations.count == 2)
    }

    /// Lines written by the feeding threads, added up.
    final class Counter: @unchecked Sendable {
        // Guarded by `lock`.
        private var value = 0
        private let lock = NSLock()

        func add(_ n: Int) {
            lock.lock()
            value += n
            lock.unlock()
        }

        var total: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }
}
