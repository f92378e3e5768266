import Answering
import Conversations
import Corpus
import Foundation
import Rendering
import Retrieval
import Search
import Store

/// The chat's logic, independent of the terminal: a line in, what to print out.
///
/// Questions go to the `Conversation` (so follow-ups are understood); `:commands` inspect the last
/// reply, the corpus, or change the conversation's settings. Used by the interactive chat, the
/// piped chat and its JSON-lines mode alike.
public final class ChatSession {
    /// The conversation; replaced by `:corpus`, which starts one over another corpus.
    public private(set) var conversation: Conversation
    /// How replies are laid out; the interactive chat sets its width again after a terminal resize.
    public var renderer: TextRenderer
    /// The corpus's name and what it was built from ("default (carnegie-moscow-experts.txt)").
    private(set) var corpusName: String
    /// The configured language model, if any, and how to name it ("llama3 at localhost:8080").
    public let languageModel: (generator: AnswerGenerator, name: String)?
    /// Where each turn is logged, if anywhere.
    let recorder: TurnRecorder?
    /// How `:corpus` finds the other corpora; nil when the chat cannot switch.
    let corpora: CorpusSwitch?

    /// What handling one line produced.
    public enum Reply {
        /// An answer to a question.
        case answer(Answer)
        /// Text to show (a command's output).
        case text(String)
        /// A one-line problem with the line (unknown command, empty question …).
        case problem(String)
        /// The user asked to leave.
        case quit
    }

    /// A session over `conversation`; with `languageModel`, answers start in language-model mode.
    ///
    /// - Parameters:
    ///   - recorder: Logs every answered question (the conversation log), or nil.
    ///   - corpora: Opens another corpus for `:corpus NAME`, or nil.
    public init(conversation: Conversation, renderer: TextRenderer, corpusName: String,
                languageModel: (generator: AnswerGenerator, name: String)? = nil, recorder: TurnRecorder? = nil,
                corpora: CorpusSwitch? = nil) {
        self.conversation = conversation
        self.renderer = renderer
        self.corpusName = corpusName
        self.languageModel = languageModel
        self.recorder = recorder
        self.corpora = corpora
        conversation.generator = languageModel?.generator
    }

    /// How answers are produced now.
    public var mode: AnswerMode { conversation.generator == nil ? .extractive : .llm }

    var modeDescription: String {
        guard mode == .llm, let languageModel else { return "offline answers" }
        return "answers by \(languageModel.name), checked against the passages"
    }

    var retriever: Retriever { conversation.answerer.retriever }
    var lastAnswer: Answer? { conversation.turns.last?.answer }

    /// The line shown when the chat opens: corpus, experts, passages, how to get help.
    public func welcome() -> String {
        renderer.wrap("Panelist — \(corpusName): \(counted(retriever.experts.count, "expert")), \(counted(retriever.store.passageCount, "passage")); \(modeDescription).")
            + "\nAsk a question, or :help for commands.\n"
    }

    /// Handles one input line (a question or a `:command`).
    ///
    /// Every problem (an unusable question, a store or endpoint failure) comes back as `.problem`.
    public func handle(_ line: String) -> Reply {
        // Replies may echo the line ("no expert called …"), and a piped line may come from anywhere.
        let input = line.removingControlCharacters().trimmingWhitespace()
        guard !input.isEmpty else { return .text("") }
        if input.hasPrefix(":") {
            switch ChatCommand.parse(input) {
            case .success(let command): return run(command)
            case .failure(let error): return .problem(error.message)
            }
        }
        do {
            let answer = try conversation.ask(input)
            recorder?.record(answer, options: conversation.options)
            return .answer(answer)
        } catch {
            return .problem(String(describing: error))
        }
    }

    func run(_ command: ChatCommand) -> Reply {
        switch command {
        case .help: return .text(renderer.wrap(Self.help, indent: "                    "))
        case .quit: return .quit
        case .clear:
            conversation.clear()
            if let recorder { recorder.startConversation(corpus: recorder.corpus) }
            return .text("Conversation cleared.\n")
        case .k(nil):
            return .text("Answers draw on \(Self.topPassages(conversation.options.k)). (:k N to change)\n")
        case .k(let k?):
            conversation.options.k = k
            return .text("Answers now draw on \(Self.topPassages(k)).\n")
        case .expert(nil):
            let current = conversation.options.expert.map { "only \($0)" } ?? "all experts"
            return .text(renderer.wrap("Answers draw on \(current). (:expert NAME or :expert all to change)") + "\n")
        case .expert(.all?):
            conversation.options.expert = nil
            return .text("Answers now draw on all experts.\n")
        case .expert(.named(let name)?):
            do {
                let expert = try retriever.expert(named: name)
                conversation.options.expert = expert.name
                return .text("Answers now draw only on \(expert.name). (:expert all to undo)\n")
            } catch {
                return .problem(String(describing: error))
            }
        case .mode(let wanted):
            switch wanted {
            case nil: break
            case .extractive?: conversation.generator = nil
            case .llm?:
                guard let languageModel else {
                    return .problem("no language model is configured: start with --llm URL, or set PANELIST_LLM_URL (see `panelist config`)")
                }
                conversation.generator = languageModel.generator
            }
            return .text("Mode: \(modeDescription).\n")
        case .corpus(let name): return switchCorpus(to: name)
        case .experts: return .text(experts())
        case .topics: return .text(topics())
        case .sources:
            guard let lastAnswer else { return .problem("no reply yet: ask a question first") }
            return .text(renderer.sources(of: lastAnswer, analyzer: retriever.analyzer))
        case .open(let n):
            guard let lastAnswer else { return .problem("no reply yet: ask a question first") }
            guard let citation = lastAnswer.citations.first(where: { $0.n == n }) else {
                return .problem("the last reply has no citation [\(n)]; it has \(lastAnswer.citations.isEmpty ? "none" : lastAnswer.citations.map { "[\($0.n)]" }.joined(separator: " "))")
            }
            return .text(renderer.passage(citation))
        case .why:
            guard let lastAnswer else { return .problem("no reply yet: ask a question first") }
            return .text(why(lastAnswer))
        }
    }

    static let help = """
    Ask a question in plain English; follow-up questions are understood in context.
      :experts          the experts, their roles and passages
      :topics           the questions the corpus covers, by expert
      :sources          the passages behind the last reply, with scores
      :open N           the whole passage cited as [N]
      :why              how the last question was searched: terms, weights, near misses
      :expert NAME|all  answer only from one expert (or all again)
      :k N              how many passages answers draw on (from 1 to 50)
      :mode llm|offline answer with the configured language model, or offline
      :corpus NAME      ask another corpus (see panelist corpora); without NAME, the current one
      :clear            forget the conversation
      :quit             leave (or Ctrl-D)

    """

    /// "the top passage", "the top 5 passages".
    static func topPassages(_ k: Int) -> String {
        k == 1 ? "the top passage" : "the top \(k) passages"
    }

    /// `:corpus`: the current corpus and the others, or a new conversation over corpus `name`.
    func switchCorpus(to name: String?) -> Reply {
        guard let corpora else { return .problem("this chat cannot switch corpus") }
        guard let name else {
            let others = corpora.names().joined(separator: ", ")
            return .text(renderer.wrap("Corpus: \(corpusName). Corpora: \(others). (:corpus NAME to switch)") + "\n")
        }
        do {
            let opened = try corpora.open(name)
            let next = Conversation(answerer: opened.answerer, options: AnswerOptions(k: conversation.options.k))
            next.generator = conversation.generator
            conversation = next
            corpusName = opened.description
            recorder?.startConversation(corpus: opened.label)
            return .text(welcome())
        } catch {
            return .problem(String(describing: error))
        }
    }

    func experts() -> String {
        retriever.experts.map { summary in
            let role = summary.expert.role.isEmpty ? "" : " — \(summary.expert.role)"
            return renderer.wrap("\(summary.expert.name)\(role) (\(counted(summary.passages, "passage")))", indent: "    ") + "\n"
        }.joined() + unnamed()
    }

    /// The passages no expert is named for, which `:experts` and `:topics` count too.
    func unnamed() -> String {
        let count = retriever.store.passageCount - retriever.experts.reduce(0) { $0 + $1.passages }
        return count > 0 ? "(unnamed source) (\(counted(count, "passage")) without an expert)\n" : ""
    }

    func topics() -> String {
        retriever.experts.map { summary in
            ([summary.expert.name + ":"] + summary.questions.map { renderer.wrap("  – \($0)", indent: "    ") }).joined(separator: "\n") + "\n"
        }.joined() + unnamed()
    }

    /// The last question's terms with weights, near misses and experts never reached.
    func why(_ answer: Answer) -> String {
        var lines = ["Question: \(answer.question)"]
        if let turn = conversation.turns.last, turn.wasFollowUp { lines.append("Read as a follow-up: terms of the previous question carried over.") }
        lines.append("Terms (weight before IDF):")
        for term in answer.query.terms {
            let origin = term.origin == .user ? "" : "  [\(term.origin.rawValue)]"
            lines.append("  \(term.term)  \(String(format: "%.2f", term.weight))  ← \(term.word)\(origin)")
        }
        lines.append(String(format: "Evidence: the best passage covers %.0f%% of the question's words (score %.3f)", answer.evidence.coverage * 100, answer.evidence.score)
            + (answer.evidence.similarity.map { String(format: "; its meaning is %.3f close (cosine).", $0) } ?? "."))
        if !answer.evidence.unmatched.isEmpty { lines.append("Found in no passage: \(answer.evidence.unmatched.joined(separator: ", "))") }
        if !answer.evidence.unknownNames.isEmpty { lines.append("Names the corpus never mentions: \(answer.evidence.unknownNames.joined(separator: ", "))") }
        let cited = Set(answer.citations.map(\.passage.doc))
        let misses = answer.retrieved.filter { !cited.contains($0.doc) }.prefix(3)
        if !misses.isEmpty {
            lines.append("Near misses (retrieved, not cited):")
            for ranked in misses {
                lines.append("  \(ranked.passage.id)  \(ranked.passage.expert)  score \(String(format: "%.3f", ranked.score)) (\(ranked.scoreParts))")
            }
        }
        let reached = Set(answer.retrieved.map(\.passage.expert))
        let unreached = retriever.experts.map(\.expert.name).filter { !reached.contains($0) }
        if !unreached.isEmpty { lines.append("Experts never reached: \(unreached.joined(separator: ", "))") }
        return lines.map { renderer.wrap($0, indent: "    ") }.joined(separator: "\n") + "\n"
    }
}
