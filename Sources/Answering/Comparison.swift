import Corpus
import Retrieval
import Search

/// Questions that ask for several experts' positions side by side: two or more experts named ("Do
/// Trenin and Gabuev agree about sanctions?", "How do Gabuev and Baunov see Iran?"), or all of them
/// ("What did each expert say about Putin?", "Who disagrees about the United States?", "Do the experts
/// agree on …?"). Panelist does not judge agreement; it puts each position next to the others.
enum Comparison {
    /// The experts to compare for `question`: those named when two or more are, every expert when it
    /// asks for each expert's view; nil for any other question.
    static func experts(for words: [String], named: [Expert], roster: [Expert]) -> [Expert]? {
        if named.count >= 2 { return named }
        let asksEveryone = QuestionWords.everyExpert.contains { QuestionWords.contains(words, phrase: $0) }
        return asksEveryone && named.isEmpty && roster.count >= 2 ? roster : nil
    }
}

extension Answerer {
    /// Each expert's most relevant sentences on the question's topic, grouped by expert, and a plain
    /// line for each expert who did not address it; declined when none did.
    func compare(_ question: String, query: Query, experts: [Expert], k: Int) throws -> Answer {
        var query = query
        let topical = query.terms.filter { !QuestionWords.comparing.contains($0.word) }
        if !topical.isEmpty { query.terms = topical }
        var sentences: [AnswerSentence] = []
        var citations: [Citation] = []
        var retrieved: [RankedPassage] = []
        var silent: [String] = []
        var best: SearchResult?
        for expert in experts {
            let result = try retriever.search(query, k: k, expert: expert, explain: true)
            guard let top = result.passages.first, !policy.declines(Self.evidence(result)) else {
                silent.append(expert.name)
                continue
            }
            if best == nil || top.score > best?.passages.first?.score ?? 0 { best = result }
            retrieved += result.passages
            let picks = selector.select(from: Array(result.passages.prefix(1)), weights: Self.topicalWeights(result), topics: Self.topics(of: result.query))
            for pick in picks.prefix(2) {
                let speaker = sentences.last?.speaker == expert.name ? nil : expert.name
                sentences.append(AnswerSentence(text: pick.text, citation: citations.cite(top, quoting: pick.text), speaker: speaker))
            }
        }
        guard let best else {
            let result = try search(query, experts: experts, k: k)
            return Answer(question: question, declined: .noneAddressed(experts), retrieved: result.passages, restriction: nil,
                          topics: retriever.experts, evidence: Self.evidence(result), query: query)
        }
        for name in silent {
            sentences.append(AnswerSentence(text: "did not address this in this corpus.", citation: 0, speaker: name))
        }
        return Answer(question: question, sentences: sentences, citations: citations,
                      retrieved: retrieved.sorted { ($0.score, $1.doc) > ($1.score, $0.doc) }, restriction: nil,
                      notice: "each expert's position side by side; Panelist does not judge whether they agree", evidence: Self.evidence(best), query: query)
    }
}
