import Answering
import Corpus
import Foundation
import LLM
import Retrieval

/// Answers with a language model, grounded in and cited to the retrieved passages.
///
/// Retrieval and the decision to decline happen first, offline (the model is never called for a
/// question the corpus does not cover). The model gets the numbered passages, each labelled with
/// its expert and question, and the conversation so far; its reply is streamed to `onText` and
/// then checked by `CitationChecker`. If no sentence of the reply is supported, or the endpoint
/// fails in any way, the offline answer is returned with a one-line notice naming the cause —
/// unless `requireModel` is set, in which case the failure is thrown.
///
/// Whatever the server sends is cleared of terminal control characters before anything sees it:
/// each streamed piece, the reply, the model's name and the error messages that quote the server.
public final class LanguageModelAnswerer: AnswerGenerator {
    let client: ChatClient
    let prompts: PromptSet
    let checker: CitationChecker
    /// Fail instead of falling back to the offline answer (`--require-llm`).
    public var requireModel: Bool
    /// Receives the reply's text as it streams in.
    public var onText: (String) -> Void = { _ in }
    /// Checked during the transfer; true aborts it (Ctrl-C in the chat).
    public var isCancelled: @Sendable () -> Bool = { false }

    public init(client: ChatClient, prompts: PromptSet, analyzer: Analyzer, requireModel: Bool = false) {
        self.client = client
        self.prompts = prompts
        checker = CitationChecker(analyzer: analyzer)
        self.requireModel = requireModel
    }

    public func generate(_ question: String, from offline: Answer, history: [Conversation.Turn]) throws -> Answer {
        let passages = offline.passages
        let messages = prompts.messages(
            question: question,
            passages: Self.numbered(passages.map(\.passage)),
            conversation: history.suffix(3).map { ($0.question, $0.answer.text) })
        let reply: ChatReply
        do {
            reply = try client.complete(
                messages, onText: { [onText] piece in onText(piece.removingControlCharacters()) }, isCancelled: isCancelled)
        } catch {
            var cleaned = error
            cleaned.message = error.message.removingControlCharacters()
            if requireModel || error.code == .cancelled { throw cleaned }
            return Self.fallback(offline, notice: "language model unavailable (\(cleaned.message)); offline answer")
        }
        let checked = checker.check(reply.text.removingControlCharacters(), passages: passages.map(\.passage))
        guard checked.hasSupport else {
            if requireModel {
                throw LLMError(.badResponse, "the model's reply is not supported by the passages it was given")
            }
            return Self.fallback(offline, notice: "the model's reply was not supported by the passages; offline answer")
        }
        return answer(question, offline: offline, checked: checked,
                      model: reply.model?.removingControlCharacters() ?? client.settings.model)
    }

    /// The configured model's name.
    public var modelName: String { client.settings.model }

    /// The endpoint's host and port, for messages ("localhost:8080").
    public var host: String {
        URLComponents(string: client.settings.baseURL).map { components in
            (components.host ?? client.settings.baseURL) + (components.port.map { ":\($0)" } ?? "")
        } ?? client.settings.baseURL
    }

    /// The numbered passages as the prompt shows them.
    public static func numbered(_ passages: [Passage]) -> String {
        passages.enumerated().map { offset, passage in
            var label = "[\(offset + 1)] \(passage.expert.isEmpty ? "Unnamed source" : passage.expert)"
            if !passage.role.isEmpty { label += " (\(passage.role))" }
            if !passage.question.isEmpty { label += ", answering “\(passage.question)”" }
            return label + ":\n" + passage.text
        }.joined(separator: "\n\n")
    }

    func answer(_ question: String, offline: Answer, checked: CitationChecker.Result, model: String) -> Answer {
        var citations: [Citation] = []
        for (offset, index) in checked.citedPassages.enumerated() {
            let ranked = offline.passages[index]
            let quotes = checked.sentences.filter { $0.citations.contains(offset + 1) }.compactMap { bestQuote(for: $0.text, in: ranked.passage) }
            citations.append(Citation(n: offset + 1, passage: ranked, quotes: quotes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }))
        }
        let sentences = checked.sentences.map { sentence in
            AnswerSentence(text: sentence.text, citation: sentence.citations.first ?? 0, extraCitations: Array(sentence.citations.dropFirst()),
                           isUnsupported: !sentence.isSupported)
        }
        var notes: [String] = []
        if !checked.removedMarkers.isEmpty {
            notes.append("removed marker\(checked.removedMarkers.count == 1 ? "" : "s") \(checked.removedMarkers.map { "[\($0)]" }.joined(separator: " ")) naming no passage")
        }
        if !checked.unsupported.isEmpty {
            notes.append("\(checked.unsupported.count) sentence\(checked.unsupported.count == 1 ? "" : "s") not supported by the passages")
        }
        var answer = offline
        answer.mode = .llm
        answer.sentences = sentences
        answer.citations = citations
        answer.model = model
        answer.unsupported = checked.unsupported
        answer.notice = notes.isEmpty ? offline.notice : notes.joined(separator: "; ")
        return answer
    }

    /// The passage's sentence that shares most content terms with `text`.
    func bestQuote(for text: String, in passage: Passage) -> String? {
        let terms = Set(checker.analyzer.terms(text))
        return checker.splitter.split(passage.text).max { a, b in
            Set(checker.analyzer.terms(a)).intersection(terms).count < Set(checker.analyzer.terms(b)).intersection(terms).count
        }
    }

    static func fallback(_ offline: Answer, notice: String) -> Answer {
        var answer = offline
        answer.notice = notice
        return answer
    }
}
