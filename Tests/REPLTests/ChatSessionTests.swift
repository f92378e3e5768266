import Answering
import Bundled
import Corpus
import Foundation
import REPL
import Rendering
import Search
import Store
import Testing

/// A seed-corpus store built once for this test process.
enum ChatStore {
    static let path: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-repl-\(UUID().uuidString)/seed.sqlite").path
        do {
            let corpus = try DocumentLoader().load([BundledCorpus.url ?? URL(fileURLWithPath: "/missing")])
            try StoreBuilder(lexicon: .lexicon(BundledCorpus.lexicon())).build(corpus, at: path, origin: StoreMeta.bundledOrigin)
        } catch {
            fatalError("cannot build the seed store: \(error)")
        }
        return path
    }()

    static func session() throws -> ChatSession {
        let answerer = Answerer(retriever: try Retriever(store: PassageStore(path: path)))
        return ChatSession(conversation: Conversation(answerer: answerer), renderer: TextRenderer(color: false, width: 100), corpusName: "seed")
    }
}

@Suite struct ChatSessionTests {
    func text(_ reply: ChatSession.Reply) -> String {
        switch reply {
        case .text(let text): return text
        case .problem(let message): return "PROBLEM: \(message)"
        case .answer(let answer): return "ANSWER: \(answer.text)"
        case .quit: return "QUIT"
        }
    }

    @Test func welcomeNamesTheCorpusAndHowToGetHelp() throws {
        let welcome = try ChatStore.session().welcome()
        #expect(welcome.contains("seed: 3 experts, 34 passages"))
        #expect(welcome.contains(":help"))
    }

    @Test func inspectsTheLastReply() throws {
        let session = try ChatStore.session()
        #expect(text(session.handle(":sources")).hasPrefix("PROBLEM"))
        #expect(text(session.handle("Are Russia and Iran allies?")).hasPrefix("ANSWER"))
        let sources = text(session.handle(":sources"))
        #expect(sources.contains("[1]"))
        #expect(sources.contains("*Iran*"))
        #expect(text(session.handle(":open 1")).contains("Q: "))
        #expect(text(session.handle(":open 9")).contains("has no citation [9]"))
        let why = text(session.handle(":why"))
        #expect(why.contains("iran"))
        #expect(why.contains("Evidence:"))
    }

    @Test func changesTheConversationSettings() throws {
        let session = try ChatStore.session()
        #expect(text(session.handle(":expert baunov")).contains("only on Alexander Baunov"))
        guard case .answer(let answer) = session.handle("sanctions") else {
            Issue.record("no answer")
            return
        }
        #expect(answer.citations.allSatisfy { $0.passage.passage.expert == "Alexander Baunov" })
        #expect(text(session.handle(":expert nobody")).contains("the experts are"))
        #expect(text(session.handle(":expert all")).contains("all experts"))
        #expect(text(session.handle(":k 2")).contains("top 2"))
        #expect(session.conversation.options.k == 2)
        #expect(text(session.handle(":clear")).contains("cleared"))
        #expect(session.conversation.turns.isEmpty)
        #expect(text(session.handle(":quit")) == "QUIT")
        #expect(text(session.handle("   ")) == "")
    }

    @Test func listsExpertsAndTopics() throws {
        let session = try ChatStore.session()
        #expect(text(session.handle(":experts")).contains("Dmitri Trenin — director of the Carnegie Moscow Center (10 passages)"))
        #expect(text(session.handle(":topics")).contains("How does the Kremlin think about China?"))
        #expect(text(session.handle(":help")).contains(":open N"))
    }
}

@Suite struct ConversationTests {
    func conversation() throws -> Conversation {
        Conversation(answerer: Answerer(retriever: try Retriever(store: PassageStore(path: ChatStore.path))))
    }

    @Test func pronounFollowUpCarriesThePreviousTopic() throws {
        let chat = try conversation()
        _ = try chat.ask("What does Russia think about the INF Treaty?")
        let answer = try chat.ask("Can it be saved?")
        #expect(chat.turns.last?.wasFollowUp == true)
        #expect(answer.query.terms.contains { $0.origin == .context && $0.term == "inf" })
        #expect(answer.citations.first?.quotes.joined().contains("saving the treaty") == true)
    }

    @Test func whatAboutFollowUpSwitchesTheSubjectWithinTheTopic() throws {
        let chat = try conversation()
        _ = try chat.ask("What does Russia want in Syria?")
        let answer = try chat.ask("What about Iran?")
        #expect(chat.turns.last?.wasFollowUp == true)
        #expect(answer.citations.first?.passage.passage.text.contains("Iran") == true)
    }

    @Test func unrelatedQuestionIsNotDraggedBack() throws {
        let chat = try conversation()
        _ = try chat.ask("What does Russia think about the INF Treaty?")
        let answer = try chat.ask("Why are Russia and China getting closer to each other economically?")
        #expect(chat.turns.last?.wasFollowUp == false)
        #expect(!answer.query.terms.contains { $0.origin == .context })
    }

    @Test func aFollowUpOfADeclinedQuestionIsAnsweredOnItsOwn() throws {
        let chat = try conversation()
        _ = try chat.ask("Will anyone be blamed for the treaty collapse?")
        let declined = try chat.ask("What is the recipe for banana bread?")
        #expect(declined.abstained)
        let answer = try chat.ask("What about Iran?")
        #expect(!answer.abstained)
        #expect(chat.turns.last?.wasFollowUp == false)
        #expect(answer.citations.first?.passage.passage.text.contains("Iran") == true)
    }

    @Test func clearForgets() throws {
        let chat = try conversation()
        _ = try chat.ask("What does Russia think about the INF Treaty?")
        chat.clear()
        _ = try chat.ask("Can it be saved?")
        #expect(chat.turns.count == 1)
        #expect(chat.turns.last?.wasFollowUp == false)
    }
}
