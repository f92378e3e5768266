import Foundation
import Testing

/// Sentence choice by meaning through the real binary and model: a store built with vectors keeps each
/// sentence's, and an answer leaves out sentences that share the question's words but not its topic.
@Suite struct SentenceChoiceTests {
    /// Deletes the store's sentence vectors, leaving it as a store an embeddings endpoint built.
    func dropSentenceVectors(of path: String) throws {
        let drop = Process()
        drop.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        drop.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM sentence_vectors'); c.commit()", path]
        try drop.run()
        drop.waitUntilExit()
        #expect(drop.terminationStatus == 0)
    }

    @Test func anAnswerLeavesOutASentenceThatSharesWordsButNotTheTopic() throws {
        let binary = try PanelistBinary()
        let (path, built) = try MeaningTests().store(binary, semantic: "on")
        #expect(built.status == 0, "\(built.stderr)")
        let question = ["ask", "Does Russia need Washington to finish off the jihadists?", "--store", path, "--no-log"]
        let answer = try binary.run(question, environment: MeaningTests.model(binary))
        #expect(answer.status == 0, "\(answer.stderr)")
        #expect(answer.stdout.contains("sees no need to rely on the United States"))
        #expect(!answer.stdout.contains("fate of the INF Treaty"), "\(answer.stdout)")

        // Without sentence vectors the store still answers, choosing by words: the INF Treaty's
        // sentence, which only shares "Washington", is in.
        try dropSentenceVectors(of: path)
        let byWords = try binary.run(question, environment: MeaningTests.model(binary))
        #expect(byWords.status == 0, "\(byWords.stderr)")
        #expect(byWords.stdout.contains("sees no need to rely on the United States") && byWords.stdout.contains("fate of the INF Treaty"), "\(byWords.stdout)")
    }

    @Test func aFollowUpGoesOnWithItsTopicOnly() throws {
        let binary = try PanelistBinary()
        let (path, built) = try MeaningTests().store(binary, semantic: "on")
        #expect(built.status == 0, "\(built.stderr)")
        let chat = try binary.run(["chat", "--store", path, "--no-log"], input: "Are people in Moscow concerned about an arms race?\nWhy?\n",
                                  environment: MeaningTests.model(binary))
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(chat.stdout.contains("crushing blow to strategic stability"), "\(chat.stdout)")
        #expect(!chat.stdout.contains("domestic security"), "sanctions' beneficiaries are another topic: \(chat.stdout)")
    }
}
