import Answering
import Bundled
import Corpus
import Foundation
import Generation
import LLM
import Search
import Store
import TestSupport
import Testing

/// A seed-corpus store built once for this test process.
enum GenerationStore {
    static let path: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("panelist-generation-\(UUID().uuidString)/seed.sqlite").path
        do {
            let corpus = try DocumentLoader().load([BundledCorpus.url ?? URL(fileURLWithPath: "/missing")])
            try StoreBuilder(lexicon: .lexicon(BundledCorpus.lexicon())).build(corpus, at: path, origin: "test")
        } catch {
            fatalError("cannot build the seed store: \(error)")
        }
        return path
    }()
}

@Suite(.serialized) struct LanguageModelAnswererTests {
    let server: FakeLLMServer

    init() throws {
        server = try FakeLLMServer()
    }

    func conversation(model: String, requireModel: Bool = false, apiKey: String? = nil) throws -> Conversation {
        let retriever = try Retriever(store: PassageStore(path: GenerationStore.path))
        let settings = LLMSettings(baseURL: server.url, model: model, apiKey: apiKey, maxTokens: 64, stream: true,
                                   connectTimeout: 2, idleTimeout: 3, totalTimeout: 10, maxRetries: 0)
        let prompts = try PromptSet(directory: BundledCorpus.promptsDirectory ?? URL(fileURLWithPath: "/missing"))
        let conversation = Conversation(answerer: Answerer(retriever: retriever))
        conversation.generator = LanguageModelAnswerer(client: ChatClient(settings: settings), prompts: prompts, analyzer: retriever.analyzer,
                                                       requireModel: requireModel)
        return conversation
    }

    @Test func groundedReplyIsCheckedAndCited() throws {
        let chat = try conversation(model: "grounded")
        var streamed = ""
        chat.generator?.onText = { streamed += $0 }
        let answer = try chat.ask("Why is Putin so eager to court Trump?")
        defer { server.stop() }
        #expect(answer.mode == .llm)
        #expect(answer.model == "grounded")
        #expect(streamed.contains("green cheese"))
        #expect(answer.unsupported == ["The moon is made of green cheese and rockets."])
        #expect(answer.citations.map(\.n) == [1, 2])
        #expect(answer.citations.allSatisfy { citation in citation.quotes.allSatisfy { citation.passage.passage.text.contains($0) } })
        #expect(answer.text.contains("[unsupported]"))
        #expect(answer.notice?.contains("not supported") == true)
    }

    @Test func markersForMissingPassagesAreRemoved() throws {
        defer { server.stop() }
        let answer = try conversation(model: "phantom").ask("Why is Putin so eager to court Trump?")
        #expect(answer.mode == .llm)
        #expect(!answer.text.contains("[9]"))
        #expect(answer.notice?.contains("[9] [42]") == true)
        #expect(answer.citations.count == 1)
    }

    @Test func unsupportedReplyFallsBackToTheOfflineAnswer() throws {
        defer { server.stop() }
        let answer = try conversation(model: "ungrounded").ask("Why is Putin so eager to court Trump?")
        #expect(answer.mode == .extractive)
        #expect(answer.notice?.contains("not supported by the passages") == true)
        #expect(!answer.citations.isEmpty)
    }

    @Test func endpointErrorsFallBackWithTheCauseOrFailWhenRequired() throws {
        defer { server.stop() }
        let answer = try conversation(model: "status:500:openai").ask("Why is Putin so eager to court Trump?")
        #expect(answer.mode == .extractive)
        #expect(answer.notice?.contains("HTTP 500") == true)
        #expect(throws: LLMError.self) { try conversation(model: "status:500:openai", requireModel: true).ask("Why is Putin so eager to court Trump?") }
    }

    @Test func declinedQuestionsNeverReachTheModel() throws {
        defer { server.stop() }
        let chat = try conversation(model: "status:500:openai", requireModel: true)
        let answer = try chat.ask("What is the recipe for banana bread?")
        #expect(answer.abstained)
        #expect(answer.notice?.hasPrefix("declined") == true)
    }

    @Test func cancellingAbortsTheTransferQuickly() throws {
        defer { server.stop() }
        let chat = try conversation(model: "slow")
        let started = Date()
        chat.generator?.isCancelled = { Date().timeIntervalSince(started) > 0.5 }
        #expect(throws: LLMError.self) { try chat.ask("Why is Putin so eager to court Trump?") }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func promptLabelsEachPassageWithExpertAndQuestion() throws {
        defer { server.stop() }
        let passage = Passage(id: "x", expert: "Ann Lee", role: "economist", question: "Why?", text: "Because.", source: "s", ordinal: 1)
        #expect(LanguageModelAnswerer.numbered([passage]) == "[1] Ann Lee (economist), answering “Why?”:\nBecause.")
    }
}
