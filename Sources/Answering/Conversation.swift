import Corpus
import Retrieval
import Search

/// A conversation with the corpus: questions answered in the context of the turns before them.
///
/// A new question is taken as a **follow-up** when it leans on what came before — it has a pronoun
/// or demonstrative ("it", "they", "that"), opens like a continuation ("What about …", "And …"),
/// or retrieves too weakly on its own (declined, or its best passage covers under 30% of it). A follow-up carries the
/// previous turn's informative terms at `contextWeight` (for two turns at most), and the
/// previous turn's expert restriction unless it names experts of its own. Any other question starts
/// afresh, so an unrelated question is not dragged back to the old topic; and a question that would
/// be declined as a follow-up but is answered on its own is answered on its own. `clear()` forgets.
public final class Conversation {
    public let answerer: Answerer
    /// Options applied to every question (`:k`, `:expert`).
    public var options: AnswerOptions
    /// How much a carried-over term weighs relative to a word the user typed.
    public var contextWeight = 0.15
    /// The last turns, oldest first: at most `keptTurns`.
    public private(set) var turns: [Turn] = []
    /// How many turns are kept. Follow-ups read only the last turn and a language model is sent the
    /// last three, so older ones are dropped: each turn holds its passages, and a long piped chat
    /// kept growing with every question (24 MB after 500 lines).
    public static let keptTurns = 3
    /// The sentences given so far on the current topic, so that "more" never repeats one (kept
    /// apart from `turns`, which hold only the last three).
    private var shown: (topic: String, sentences: Set<String>) = ("", [])
    /// When set, writes each answer that is not declined (a language model); nil means offline.
    public var generator: AnswerGenerator?

    /// One question and what it produced.
    public struct Turn: Sendable {
        public var question: String
        public var answer: Answer
        /// Whether the question was answered as a follow-up of the turn before.
        public var wasFollowUp: Bool
        /// The question whose topic the turn is on: itself, or for "more" and "what did X say?" the
        /// topic of the turn it continues.
        public var topic: String
        /// The options the topic was asked with (its expert restriction).
        public var topicOptions: AnswerOptions
    }

    public init(answerer: Answerer, options: AnswerOptions = AnswerOptions()) {
        self.answerer = answerer
        self.options = options
    }

    /// Forgets every turn.
    public func clear() {
        turns.removeAll()
        shown = ("", [])
    }

    /// A turn kept outside the process (the conversation log), as needed to rebuild it.
    public struct Replay: Sendable, Equatable {
        public var question: String
        /// The options the question was asked with.
        public var options: AnswerOptions
        /// The text a language model answered with; nil for an offline answer.
        public var modelAnswer: String?

        public init(question: String, options: AnswerOptions, modelAnswer: String? = nil) {
            self.question = question
            self.options = options
            self.modelAnswer = modelAnswer
        }
    }

    /// Rebuilds the turns of an earlier conversation, so that the next question is read as it would
    /// have been in that conversation (`ask -c`, `chat --continue`).
    ///
    /// Offline answering is deterministic, so each of the last `keptTurns` questions is answered again
    /// offline with its own options, which gives the same query, citations and restriction; a
    /// language model's answer keeps its logged text (what the model is shown as history) instead of
    /// being asked for again. `options` and `generator` are left as they are.
    ///
    /// - Throws: `AnswerError` or `DatabaseError`, as `ask` does.
    public func restore(_ replays: [Replay]) throws {
        let kept = (options, generator)
        defer { (options, generator) = kept }
        generator = nil
        turns.removeAll()
        for replay in replays.suffix(Self.keptTurns) {
            options = replay.options
            _ = try ask(replay.question)
            if let text = replay.modelAnswer, !turns.isEmpty {
                turns[turns.count - 1].answer.mode = .llm
                turns[turns.count - 1].answer.sentences = [AnswerSentence(text: text, citation: 0)]
            }
        }
    }

    /// Answers `question` in the context of the conversation and remembers the turn.
    ///
    /// - Throws: `AnswerError` for unusable questions, `DatabaseError` when the store fails.
    public func ask(_ question: String) throws -> Answer {
        let analysed = try answerer.analyse(question)
        if let previous = turns.last, let request = analysed.followUp, previous.answer.continues {
            let answer: Answer
            var topicOptions = previous.topicOptions
            switch request {
            case .more:
                answer = try answerer.continuation(of: previous.topic, options: previous.topicOptions,
                                                   shown: shown.topic == previous.topic ? shown.sentences : [], question: question)
            case .sameTopic(let experts):
                topicOptions.expert = experts.count == 1 ? experts[0].name : nil
                answer = try answerer.answer(previous.topic + " (" + experts.map(\.name).joined(separator: ", ") + ")", options: topicOptions)
                    .restated(as: question, experts: experts)
            }
            remember(Turn(question: question, answer: answer, wasFollowUp: true, topic: previous.topic, topicOptions: topicOptions))
            return answer
        }
        let standalone = try answerer.answer(analysed, options: options)
        var offline = standalone
        var followUp = false
        if let previous = turns.last, !previous.answer.abstained || previous.wasFollowUp, isFollowUp(analysed, standalone: standalone) {
            var followUpOptions = options
            if followUpOptions.expert == nil, standalone.restriction == nil, let expert = previous.restriction {
                followUpOptions.expert = expert
            }
            let inContext = try answerer.answer(analysed, options: followUpOptions, context: carriedTerms(from: previous.answer),
                                                earlierQuestion: previous.question)
            // Reading a question as a follow-up never turns an answer into a refusal: "What about
            // Iran?" after a declined question about banana bread is answered on its own.
            if !inContext.abstained || standalone.abstained {
                offline = inContext
                followUp = true
            }
        }
        var answer = offline
        if let generator, !offline.abstained {
            answer = try generator.generate(question, from: offline, history: turns)
        }
        let topic = followUp ? (turns.last?.topic ?? question) : question
        remember(Turn(question: question, answer: answer, wasFollowUp: followUp, topic: topic, topicOptions: followUp ? (turns.last?.topicOptions ?? options) : options))
        return answer
    }

    /// Keeps `turn`, and at most `keptTurns` turns.
    private func remember(_ turn: Turn) {
        if shown.topic != turn.topic { shown = (turn.topic, []) }
        shown.sentences.formUnion(turn.answer.sentences.map(\.text))
        turns.append(turn)
        if turns.count > Self.keptTurns {
            turns.removeFirst(turns.count - Self.keptTurns)
        }
    }

    /// Whether `question` leans on the turn before: its standalone answer is weak, or it points back
    /// ("it", "that") or opens like a continuation ("What about …", "And …").
    func isFollowUp(_ question: AnalysedQuestion, standalone: Answer) -> Bool {
        if standalone.abstained || standalone.evidence.coverage < Self.weakCoverage { return true }
        let words = question.words
        if words.contains(where: QuestionWords.anaphora.contains) { return true }
        return QuestionWords.continuations.contains { opening in words.starts(with: opening) && opening.count < words.count && opening != ["why"] }
    }

    /// Below this coverage a question on its own retrieves too weakly to stand alone.
    static let weakCoverage = 0.3

    /// The previous turn's informative terms, weighted down for this one.
    func carriedTerms(from answer: Answer) -> [QueryTerm] {
        answer.query.terms.compactMap { term in
            guard term.origin != .expansion, !QuestionWords.nonTopical.contains(term.word) else { return nil }
            let weight = term.weight * contextWeight
            guard weight >= contextWeight * contextWeight * 0.999 else { return nil }
            return QueryTerm(term: term.term, word: term.word, weight: weight, origin: .context)
        }
    }
}

extension Conversation.Turn {
    /// The single expert the turn's question restricted its answer to, if any: what a follow-up
    /// carries (a restriction by option is the conversation's own, and may have changed since).
    var restriction: String? {
        guard let restriction = answer.restriction, restriction.origin != .option, restriction.experts.count == 1 else { return nil }
        return restriction.experts[0].name
    }
}
