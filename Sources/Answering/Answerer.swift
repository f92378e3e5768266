import Corpus
import Retrieval
import Search

/// Options of one question.
public struct AnswerOptions: Sendable, Equatable {
    /// How many passages to retrieve.
    public var k: Int
    /// An expert to restrict the answer to (full name or surname), besides any named in the question.
    public var expert: String?

    public init(k: Int = 5, expert: String? = nil) {
        self.k = k
        self.expert = expert
    }
}

/// Answers questions offline from the corpus's own sentences, each cited to its expert.
///
/// 1. The question is analysed once (`analyse`): a question about the experts is answered from the
///    roster, a comparison expert by expert (`compare`); experts named in it (or by `--expert`)
///    restrict retrieval to their passages.
/// 2. The passages are retrieved and the evidence weighed; too little, and Panelist declines,
///    listing the topics the corpus covers.
/// 3. Otherwise one to three sentences are selected (`SentenceSelector`) and cited `[n]`, one
///    marker per passage; a "which expert …?" question gets one cited sentence per expert, and an
///    open question that several experts answer alike each one's position (`severalPositions`).
public final class Answerer {
    public let retriever: Retriever
    public var policy: AbstentionPolicy
    let selector: SentenceSelector
    let mention: ExpertMention

    public init(retriever: Retriever, policy: AbstentionPolicy = AbstentionPolicy()) {
        self.retriever = retriever
        self.policy = policy
        selector = SentenceSelector(analyzer: retriever.analyzer)
        mention = ExpertMention(analyzer: retriever.analyzer)
    }

    /// `question` read once: its words, the experts it names, its intent, what it asks of the last
    /// answer, and its query without the experts' names (see `AnalysedQuestion`).
    ///
    /// - Throws: `AnswerError` for an empty or over-long question.
    public func analyse(_ question: String) throws -> AnalysedQuestion {
        try Retriever.checkLength(of: question)
        let words = QuestionWords.split(question)
        let roster = retriever.experts.map(\.expert)
        let tokens = retriever.analyzer.tokens(question)
        let mentioned = mention.find(in: tokens, among: roster)
        let searchable: Result<Query, AnswerError>
        do {
            var query = try retriever.query(for: question, tokens: tokens, words: words)
            let nameTerms = Set(query.terms.filter { $0.origin == .user && mentioned.words.contains($0.word) }.map(\.term))
            let remaining = query.terms.filter { !nameTerms.contains($0.term) && !$0.sources.contains(where: nameTerms.contains) }
            if !remaining.isEmpty { query.terms = remaining }
            searchable = .success(query)
        } catch let error as AnswerError where error.code == .emptyQuestion && !question.trimmingWhitespace().isEmpty {
            searchable = .failure(error)
        }
        return AnalysedQuestion(text: question, words: words, named: mentioned.experts,
                                intent: QuestionIntent.of(words: words, named: mentioned.experts, roster: roster.filter { !$0.name.isEmpty }),
                                followUp: FollowUpRequest.of(words: words, named: mentioned.experts), searchable: searchable)
    }

    /// Answers `question`.
    ///
    /// - Parameters:
    ///   - question: The user's question.
    ///   - options: How many passages, and an optional expert.
    ///   - context: Terms carried over from earlier turns (see `Conversation`), added with their weights.
    ///   - earlierQuestion: The question a follow-up continues; its meaning is compared with the passages
    ///     together with this one's ("Was that reaction proportionate?" alone means little).
    /// - Returns: The answer, or an abstention.
    /// - Throws: `AnswerError` for unusable questions, `DatabaseError` when the store fails.
    public func answer(_ question: String, options: AnswerOptions = AnswerOptions(), context: [QueryTerm] = [], earlierQuestion: String? = nil) throws -> Answer {
        try answer(analyse(question), options: options, context: context, earlierQuestion: earlierQuestion)
    }

    /// Answers an analysed question (see `answer(_:options:context:earlierQuestion:)`).
    public func answer(_ question: AnalysedQuestion, options: AnswerOptions = AnswerOptions(), context: [QueryTerm] = [], earlierQuestion: String? = nil) throws -> Answer {
        if context.isEmpty, case .aboutExperts(let asked) = question.intent { return try rosterAnswer(question.text, asked: asked) }
        if context.isEmpty, options.expert == nil, case .compare(let experts) = question.intent {
            return try compare(question.text, query: question.query(), experts: experts, k: options.k)
        }
        let (result, restriction) = try retrieve(question, options: options, context: context, earlierQuestion: earlierQuestion)
        return compose(question, result: result, restriction: restriction)
    }

    /// The passages for `question`, with the experts they are restricted to: `--expert`'s, else those
    /// the question names.
    ///
    /// - Throws: `AnswerError` for unusable questions, `DatabaseError` when the store fails.
    func retrieve(_ question: AnalysedQuestion, options: AnswerOptions, context: [QueryTerm] = [], earlierQuestion: String? = nil) throws -> (result: SearchResult, restriction: Restriction?) {
        var query = try question.query()
        var restriction: Restriction?
        if let explicit = options.expert {
            restriction = Restriction(experts: [try retriever.expert(named: explicit)], origin: .option)
        } else if !question.named.isEmpty {
            restriction = Restriction(experts: question.named, origin: .question)
        }
        query.merge(context)
        if let earlierQuestion { query.meaningText = earlierQuestion + " " + question.text }
        return (try search(query, experts: restriction?.experts ?? [], k: options.k), restriction)
    }

    /// The answer to `question` from retrieved passages: cited sentences, or an abstention.
    func compose(_ question: AnalysedQuestion, result: SearchResult, restriction: Restriction?) -> Answer {
        let query = result.query
        let experts = restriction?.experts ?? []
        var evidence = Self.evidence(result)
        // A follow-up is compared by meaning together with the question before it, which would make any
        // question that follows an answered one look close: its evidence is its words.
        if query.terms.contains(where: { $0.origin == .context }) { evidence.similarity = nil }
        guard let top = result.passages.first, !policy.declines(evidence) else {
            let reason: DeclineReason
            if !evidence.unknownNames.isEmpty {
                reason = .unknownNames(evidence.unknownNames, nearest: result.passages.first?.passage)
            } else if result.passages.isEmpty {
                reason = .nothingMatches(experts: experts)
            } else if !evidence.unmatched.isEmpty {
                reason = .unmatched(evidence.unmatched, experts: experts)
            } else {
                reason = .tooLittle(experts: experts)
            }
            return Answer(question: question.text, declined: reason, remark: restrictionNote(query: query, experts: experts, evidence: evidence),
                          retrieved: result.passages, restriction: restriction, topics: retriever.experts, evidence: evidence, query: query)
        }
        let picks: [Quote]
        // Every reply within a restriction says so, whatever set it: a chat's `:expert` holds until changed.
        var notice = restriction?.description
        if question.intent == .whichExpert, experts.count != 1 {
            picks = speakers(in: result, top: top)
        } else if experts.isEmpty, let positions = severalPositions(in: result, top: top, yesNo: question.intent == .yesNo) {
            picks = positions
            notice = "several experts answered this; their positions side by side"
        } else {
            let selected = selector.select(from: result.passages, weights: Self.topicalWeights(result), topics: Self.topics(of: query))
                .map { Quote(ranked: result.passages[$0.passageRank], text: $0.text) }
            picks = question.intent == .yesNo ? Self.keepingShortReply(in: selected) : selected
        }
        var citations: [Citation] = []
        var sentences: [AnswerSentence] = []
        for pick in picks {
            sentences.append(AnswerSentence(text: pick.text, citation: citations.cite(pick.ranked, quoting: pick.text), speaker: pick.speaker))
        }
        return Answer(question: question.text, sentences: sentences, citations: citations, retrieved: result.passages, restriction: restriction,
                      notice: notice, evidence: evidence, query: query)
    }

    /// For a question declined within an expert restriction: which restriction, and whether another
    /// expert addressed the question ("; only Alexander Baunov was searched — Alexander Gabuev addressed
    /// it"), so a refusal never reads as if nobody had.
    func restrictionNote(query: Query, experts: [Expert], evidence: Evidence) -> String {
        guard !experts.isEmpty, evidence.unknownNames.isEmpty else { return "" }
        let searched = experts.map(\.name).joined(separator: " and ")
        guard let others = try? retriever.search(query, k: 5, explain: true), !policy.declines(Self.evidence(others)),
              let other = others.passages.first(where: { passage in !experts.contains { $0.name == passage.passage.expert } }) else {
            return "; only \(searched) was searched"
        }
        return "; only \(searched) was searched — \(other.passage.expert.isEmpty ? "another source" : other.passage.expert) addressed it"
    }

    /// `picks` for a yes/no question with the expert's own short reply ("Yes.", "No, not yet.") put
    /// back before the first sentence quoted from its passage, when that passage opens with one:
    /// sentence choice leaves out sentences of fewer than four words, which would lose the answer itself.
    static func keepingShortReply(in picks: [Quote])
        -> [Quote] {
        guard let lead = picks.first,
              let opening = SentenceSplitter().split(lead.ranked.passage.text).first, opening != lead.text,
              !picks.contains(where: { $0.text == opening }), Chunker.wordCount(opening) <= 4 else { return picks }
        guard QuestionWords.shortReplies.contains(QuestionWords.split(opening).first ?? "") else { return picks }
        return [Quote(ranked: lead.ranked, text: opening, speaker: lead.speaker)] + picks
    }

    /// The answer to a question about the experts themselves (`RosterQuestion`), from the roster: each
    /// expert's name, role and the questions they answer, cited to their first passage.
    func rosterAnswer(_ question: String, asked: RosterQuestion) throws -> Answer {
        let roster = retriever.experts
        let query = Query(terms: [])
        let experts = asked.experts(in: roster, analyzer: retriever.analyzer)
        guard !experts.isEmpty else {
            return Answer(question: question, declined: .noSuchRole, retrieved: [], restriction: nil, topics: roster,
                          evidence: Evidence(coverage: 0, score: 0, unmatched: [], unknownNames: []), query: query)
        }
        var sentences: [AnswerSentence] = []
        var citations: [Citation] = []
        for expert in experts {
            guard let summary = roster.first(where: { $0.expert == expert }),
                  let first = try retriever.store.passages(ofExpert: expert.name).min() else { continue }
            let ranked = RankedPassage(doc: first, passage: try retriever.store.passage(first), score: 1, contributions: [])
            let role = expert.role.isEmpty ? "" : " — \(expert.role) —"
            let topics = summary.questions.prefix(3).map { "“\($0)”" }.joined(separator: "; ")
            let text = "\(expert.name)\(role) answers \(summary.questions.count) question\(summary.questions.count == 1 ? "" : "s") here\(topics.isEmpty ? "" : ", such as \(topics)")."
            sentences.append(AnswerSentence(text: text, citation: citations.cite(ranked, quoting: text)))
        }
        return Answer(question: question, sentences: sentences, citations: citations, retrieved: citations.map(\.passage), restriction: nil,
                      notice: "from the list of experts", evidence: Evidence(coverage: 1, score: 1, unmatched: [], unknownNames: []), query: query)
    }

    /// The share of the best passage's score below which "more" draws on no passage.
    static let continuationFloor = 0.75

    /// The next best sentences on `topic` that are not in `shown` ("more", "why?", "go on"): the topic's
    /// passages are retrieved again (deterministically) and their sentences ranked as for an answer.
    ///
    /// - Parameters:
    ///   - topic: The question the conversation is on.
    ///   - options: The options it was asked with.
    ///   - shown: The sentences already given on it.
    ///   - question: The request, recorded as the answer's question.
    /// - Throws: `AnswerError` or `DatabaseError`, as `answer` does.
    public func continuation(of topic: String, options: AnswerOptions, shown: Set<String>, question: String) throws -> Answer {
        let (result, restriction) = try retrieve(analyse(topic), options: options)
        // Going on reads the rest of the best passage's answer (the other passages of the same
        // expert's answer to the same interview question) and passages that score close to it; one
        // well below it is on another topic that shares a word ("the Kremlin" of a question on Trump,
        // in a passage on China), and going on ends before it.
        let top = result.passages.first
        let onTopic = result.passages.prefix(selector.passagesConsidered + 2).filter { ranked in
            ranked.score >= Self.continuationFloor * (top?.score ?? 0)
                || (ranked.passage.expert == top?.passage.expert && ranked.passage.question == top?.passage.question)
        }
        let scored = selector.score(onTopic[...], weights: Self.topicalWeights(result), topics: Self.topics(of: result.query)).candidates
        let candidates = scored
            .filter { !shown.contains($0.text) && $0.score > 0 }
            .sorted { ($0.score, -$0.passageRank, -$0.position) > ($1.score, -$1.passageRank, -$1.position) }
        var picks: [SentenceSelector.Candidate] = []
        var words = 0
        for candidate in candidates where picks.count < selector.maxSentences && words + Chunker.wordCount(candidate.text) <= selector.maxWords {
            picks.append(candidate)
            words += Chunker.wordCount(candidate.text)
        }
        guard !picks.isEmpty else {
            return Answer(question: question, declined: .nothingMore(topic: topic), retrieved: result.passages, restriction: restriction,
                          topics: [], evidence: Self.evidence(result), query: result.query)
        }
        var citations: [Citation] = []
        var sentences: [AnswerSentence] = []
        for pick in picks.sorted(by: { ($0.passageRank, $0.position) < ($1.passageRank, $1.position) }) {
            sentences.append(AnswerSentence(text: pick.text, citation: citations.cite(onTopic[pick.passageRank], quoting: pick.text)))
        }
        let restricted = restriction.map { ", \($0.description)" } ?? ""
        return Answer(question: question, sentences: sentences, citations: citations, retrieved: result.passages, restriction: restriction,
                      notice: "more on “\(topic)”\(restricted)", evidence: Self.evidence(result), query: result.query)
    }

    func search(_ query: Query, experts: [Expert], k: Int) throws -> SearchResult {
        guard experts.count > 1 else { return try retriever.search(query, k: k, expert: experts.first, explain: true) }
        let results = try experts.map { try retriever.search(query, k: k, expert: $0, explain: true) }
        let merged = results.flatMap(\.passages).sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        return SearchResult(query: query, textVector: results[0].textVector, passages: Array(merged.prefix(k)))
    }

    /// One cited sentence for each expert whose best passage scores at least half the top score and
    /// matches the topic itself (not only a framing word such as "talked").
    func speakers(in result: SearchResult, top: RankedPassage) -> [Quote] {
        var seen: Set<String> = []
        var picks: [Quote] = []
        let topical = Set(result.query.terms.filter { !QuestionWords.framing.contains($0.word) }.map(\.term))
        let weights = Self.topicalWeights(result)
        let topics = Self.topics(of: result.query)
        for ranked in result.passages where ranked.score >= 0.5 * top.score && ranked.contributions.contains(where: { topical.contains($0.term) })
            && seen.insert(ranked.passage.expert).inserted {
            guard let best = selector.select(from: [ranked], weights: weights, topics: topics).max(by: { $0.score < $1.score }) else { continue }
            picks.append(Quote(ranked: ranked, text: best.text, speaker: ranked.passage.expert.isEmpty ? "(unnamed)" : ranked.passage.expert))
        }
        return picks
    }

    /// The text-field query weights that sentences are chosen by: without framing and very common
    /// words ("think", "will"), unless the question has nothing else.
    static func topicalWeights(_ result: SearchResult) -> [String: Double] {
        let nonTopical = Set(result.query.terms.filter { QuestionWords.nonTopical.contains($0.word) }.map(\.term))
        let topical = result.textVector.filter { !nonTopical.contains($0.key) }
        return topical.values.contains { $0 > 0 } ? topical : result.textVector
    }

    /// Each expansion term's topic: the user's term it stands for (the first, when it stands for a phrase).
    static func topics(of query: Query) -> [String: String] {
        var topics: [String: String] = [:]
        for term in query.terms where term.origin == .expansion {
            if let source = term.sources.first { topics[term.term] = source }
        }
        return topics
    }

    /// How well the best passage covers the query's informative terms (see `TopicCoverage`, by
    /// squared weights), with its score and the question's words no retrieved passage matches.
    static func evidence(_ result: SearchResult) -> Evidence {
        let topics = TopicCoverage(query: result.query, textVector: result.textVector)
        let unmatched = topics.unmatchedWords(in: result.passages)
        guard let top = result.passages.first, !topics.isEmpty else {
            return Evidence(coverage: 0, score: 0, unmatched: unmatched, unknownNames: result.query.unknownNames)
        }
        let coverage = topics.coverage(of: top.contributions, exponent: 2)
        return Evidence(coverage: coverage.share, score: top.lexicalScore, unmatched: unmatched, unknownNames: result.query.unknownNames,
                        matchedTerms: coverage.matchedTerms, similarity: top.similarity)
    }
}
