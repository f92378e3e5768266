import Answering
import Bundled
import Conversations
import Corpus
import Foundation
import Search
import Store
import Testing

/// `Conversation.restore` rebuilds the turns a chat keeps in memory from logged turns.
@Suite struct ConversationRestoreTests {
    static let store: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-restore-\(UUID().uuidString)/seed.sqlite").path
        do {
            let corpus = try DocumentLoader().load([BundledCorpus.url ?? URL(fileURLWithPath: "/missing")])
            try StoreBuilder(lexicon: .lexicon(BundledCorpus.lexicon())).build(corpus, at: path, origin: StoreMeta.bundledOrigin)
        } catch {
            fatalError("cannot build the seed store: \(error)")
        }
        return path
    }()

    func conversation() throws -> Conversation {
        Conversation(answerer: Answerer(retriever: try Retriever(store: PassageStore(path: Self.store))))
    }

    @Test func aRestoredConversationAnswersTheNextQuestionAsTheOriginalDoes() throws {
        let original = try conversation()
        let logged = try ["What does the Kremlin think about China?", "Does it trust them?"].map { question in
            LoggedTurn(try original.ask(question), options: original.options, corpus: "default")
        }
        let restored = try conversation()
        try restored.restore(logged.map(\.replay))
        #expect(restored.turns.map(\.question) == original.turns.map(\.question))
        #expect(restored.turns.map(\.wasFollowUp) == original.turns.map(\.wasFollowUp))
        let next = "What about Iran?"
        #expect(try restored.ask(next).text == original.ask(next).text)
    }

    @Test func aModelsTurnKeepsItsLoggedTextAndOptionsAreLeftAlone() throws {
        let restored = try conversation()
        restored.options = AnswerOptions(k: 7)
        let replay = Conversation.Replay(question: "Is Russia worried about sanctions?", options: AnswerOptions(k: 3, expert: "Alexander Gabuev"),
                                         modelAnswer: "Sanctions are here to stay, says Gabuev. [1]")
        try restored.restore([replay])
        let turn = try #require(restored.turns.last)
        #expect(turn.answer.mode == .llm)
        #expect(turn.answer.text == "Sanctions are here to stay, says Gabuev. [1]")
        #expect(turn.answer.retrieved.count <= 3)
        #expect(restored.options == AnswerOptions(k: 7))
    }

    @Test func onlyTheLastKeptTurnsAreRebuilt() throws {
        let restored = try conversation()
        let questions = ["sanctions", "China", "Syria", "Iran", "Ukraine"]
        try restored.restore(questions.map { Conversation.Replay(question: $0, options: AnswerOptions()) })
        #expect(restored.turns.map(\.question) == Array(questions.suffix(Conversation.keptTurns)))
    }
}
