import Corpus
import Foundation
import Testing

/// The real model's endpoint, from `scripts/test-llm-server.sh`; nil skips `RealModelTests`.
private let realModelURL = ProcessInfo.processInfo.environment["PANELIST_TEST_LLM_URL"]

/// `ask` against a real small model served by `scripts/test-llm-server.sh` (docs/LLM.md).
///
/// Runs only when `PANELIST_TEST_LLM_URL` names the server. A 135M-parameter model seldom follows
/// the citation rules, so the tests accept both legitimate outcomes — a checked `llm` answer or the
/// offline fallback because the reply was unsupported — and assert what Panelist guarantees for each,
/// never the model's wording.
@Suite(.serialized, .enabled(if: realModelURL != nil, "set PANELIST_TEST_LLM_URL (scripts/test-llm-server.sh)"))
struct RealModelTests {
    /// `ask` with the real model; short answers and a generous wait, for 2 slow cores.
    func ask(_ question: String, _ extra: [String] = []) throws -> PanelistBinary.Run {
        let url = try #require(realModelURL)
        return try PanelistBinary().run(["ask", question, "--llm", url, "--model", "smollm2-135m-instruct",
                                         "--max-tokens", "128", "--timeout", "60"] + extra)
    }

    @Test func inScopeAnswerIsCheckedOrFallsBack() throws {
        let run = try ask("Why is Putin so eager to court Trump?", ["--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
        try expectGrounded(answer)
    }

    @Test func outOfScopeQuestionIsDeclinedWithoutTheModel() throws {
        let run = try ask("What is the recipe for banana bread?", ["--json"])
        #expect(run.status == 0)
        let answer = try PanelistBinary.decode(AskJSON.self, from: run)
        #expect(answer.abstained)
        #expect(answer.mode == "extractive")
        #expect(answer.citations.isEmpty && answer.passages.isEmpty)
        #expect(answer.notice?.hasPrefix("declined") == true)
    }

    @Test func requireLLMAnswersInLLMModeOrFailsWithOneLine() throws {
        let run = try ask("What does Gabuev say about sanctions?", ["--json", "--require-llm"])
        if run.status == 0 {
            let answer = try JSONDecoder().decode(LLMAskJSON.self, from: Data(run.stdout.utf8))
            #expect(answer.mode == "llm")
            try expectGrounded(answer)
        } else {
            print("real model, --require-llm: exit \(run.status): \(run.stderr)", terminator: "")
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(run.stderr.contains("not supported by the passages"))
        }
    }

    /// What holds whatever the model wrote: in `llm` mode every citation names a retrieved passage,
    /// quotes whole sentences of it, and every marker in the answer names a citation; otherwise the
    /// offline answer stands, with a notice that the reply was unsupported.
    func expectGrounded(_ answer: LLMAskJSON) throws {
        print("real model: mode \(answer.mode), \(answer.citations.count) citation(s), notice: \(answer.notice ?? "none"); answer: \(answer.answer)")
        #expect(!answer.passages.isEmpty)
        let passages = Dictionary(answer.passages.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        #expect(answer.citations.map(\.n) == answer.citations.indices.map { $0 + 1 })
        for citation in answer.citations {
            let text = try #require(passages[citation.passage_id], "citation [\(citation.n)] names \(citation.passage_id), not retrieved")
            #expect(Self.isSentences(citation.quote, of: text), "[\(citation.n)] quotes “\(citation.quote)”")
        }
        let numbers = Set(answer.citations.map(\.n))
        for marker in Self.markers(in: answer.answer) {
            #expect(numbers.contains(marker), "marker [\(marker)] names no citation in “\(answer.answer)”")
        }
        switch answer.mode {
        case "llm":
            #expect(answer.model?.isEmpty == false)
            #expect(!answer.citations.isEmpty)
        case "extractive":
            #expect(answer.notice?.contains("not supported by the passages") == true, "notice: \(answer.notice ?? "nil")")
        default:
            Issue.record("unexpected mode \(answer.mode)")
        }
    }

    /// Whether `quote` is one or more whole sentences of `passage`, joined by a space.
    static func isSentences(_ quote: String, of passage: String) -> Bool {
        let sentences = SentenceSplitter().split(passage)
        func consumes(_ rest: Substring) -> Bool {
            rest.isEmpty || sentences.contains { sentence in
                rest == sentence || (rest.hasPrefix(sentence + " ") && consumes(rest.dropFirst(sentence.count + 1)))
            }
        }
        return !quote.isEmpty && consumes(Substring(quote))
    }

    /// The numbers of the `[n]` markers in `text` (`[1][3]` gives 1 and 3; `[unsupported]` none).
    static func markers(in text: String) -> [Int] {
        text.matches(of: /\[(\d+)\]/).compactMap { Int($0.output.1) }
    }
}
