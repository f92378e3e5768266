import Foundation
import Testing

/// The same question on the same store prints the same thing in every process.
///
/// Swift seeds its hashing afresh in every process, so a sum taken in a dictionary's or a set's
/// order can differ in its last bits from one run to the next; where two passages or two sentences
/// tie, that decided which came first (issue 13, item 7). `TieCorpus` is built to be full of exact
/// ties: each run here is a separate process with its own hash seed, and every run must print the
/// same bytes, with each tie broken by its explicit rule (passage number, sentence position).
@Suite struct DeterminismTests {
    static let runs = 10

    /// Runs `arguments` `runs` times as separate processes; returns the one output they all printed.
    func sameOutput(_ binary: PanelistBinary, _ arguments: [String]) throws -> PanelistBinary.Run? {
        var outputs: [String: Int] = [:]
        var first: PanelistBinary.Run?
        for _ in 0..<Self.runs {
            let run = try binary.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            outputs[run.stdout, default: 0] += 1
            if first == nil { first = run }
        }
        #expect(outputs.count == 1, "\(arguments.prefix(2).joined(separator: " ")) printed \(outputs.count) different outputs in \(Self.runs) runs: \(outputs.values.sorted(by: >))")
        return outputs.count == 1 ? first : nil
    }

    /// Passages that tie exactly in cosine and in the share of the question's topics they cover
    /// (each matches the same four words and one of six equally rare ones) rank in passage order.
    @Test func tiedPassagesRankTheSameInEveryProcess() throws {
        let corpus = try TieCorpus.shared.get()
        for group in corpus.searchGroups {
            guard let run = try sameOutput(corpus.binary, ["search", group.query, "--json", "--k", "8", "--store", corpus.store]) else { continue }
            let passages = try PanelistBinary.decode(SearchJSON.self, from: run).passages
            #expect(Array(passages.prefix(group.tied.count).map(\.id)) == group.tied)
            #expect(Set(passages.prefix(group.tied.count).map(\.score)).count == 1)
        }
    }

    /// A passage whose sentences all match the question's five words (each with one word of its
    /// own) is quoted by its first sentence, the same in every process.
    @Test func tiedSentencesAreChosenTheSameInEveryProcess() throws {
        let corpus = try TieCorpus.shared.get()
        for group in corpus.askGroups {
            guard let run = try sameOutput(corpus.binary, ["ask", group.query, "--json", "--store", corpus.store]) else { continue }
            let answer = try PanelistBinary.decode(AskJSON.self, from: run)
            #expect(!answer.abstained)
            #expect(answer.citations.first?.quote == group.firstSentence)
        }
    }
}

/// A small store built to tie (see `DeterminismTests`), indexed once per test process.
///
/// Words are made up, so no expansion or spelling correction touches them; the `a…`/`s…` words of a
/// group appear in different numbers of passages, so their weights differ, while every `z…` word
/// appears once.
/// - Search groups: six passages "t1 … tk xj filler", one per `xj`, for the query "t1 … tk x1 … x6",
///   plus passages with a single `ti` that set each `ti`'s document frequency. The six tie exactly in
///   cosine, and their topic coverages add the same values in different orders.
/// - Ask groups: one passage of twelve sentences "T1 t2 … t5 filler.", for the query "t1 … t5";
///   the sentences tie, and any two are near-duplicates, so only one is quoted.
struct TieCorpus: Sendable {
    struct SearchGroup: Sendable {
        var query: String
        var tied: [String]
    }
    struct AskGroup: Sendable {
        var query: String
        var firstSentence: String
    }

    let binary: PanelistBinary
    let store: String
    let searchGroups: [SearchGroup]
    let askGroups: [AskGroup]

    static let shared = Result { try TieCorpus() }

    /// Letters-only words, distinct for distinct `number`s.
    static func word(_ prefix: String, _ number: Int) -> String {
        var number = number + 26 * 26
        var letters = ""
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        while number > 0 {
            letters.insert(alphabet[number % 26], at: letters.startIndex)
            number /= 26
        }
        return prefix + letters
    }

    init() throws {
        var texts: [String] = []
        var fillers = 0
        func filler() -> String {
            fillers += 1
            return Self.word("zz", fillers)
        }
        let letters = Array("bcdefghi")
        // Document frequencies beyond the tied passages, chosen (by simulating the sums) so that
        // many orders of addition give different last bits.
        let searchFrequencies = [[14, 6, 3, 13], [5, 14, 9, 7, 6], [11, 7, 0, 13, 4], [3, 5, 11, 15]]
        var searchGroups: [SearchGroup] = []
        for (group, frequencies) in searchFrequencies.enumerated() {
            let terms = "bcdfg".prefix(frequencies.count).map { "a\(letters[group])\($0)mb" }
            let rare = "bcdfgh".map { "zx\(letters[group])\($0)mb" }
            var tied: [String] = []
            for word in rare {
                tied.append(String(format: "t%03d", texts.count))
                texts.append((terms + [word, filler()]).joined(separator: " "))
            }
            for (term, extra) in zip(terms, frequencies) {
                for _ in 0..<extra { texts.append("\(term) \(filler())") }
            }
            searchGroups.append(SearchGroup(query: (terms + rare).joined(separator: " "), tied: tied))
        }
        let askFrequencies = [[0, 2, 5, 1, 4], [4, 0, 2, 1, 5], [0, 1, 3, 2, 6], [2, 0, 1, 6, 3]]
        var askGroups: [AskGroup] = []
        for (group, frequencies) in askFrequencies.enumerated() {
            let terms = "bcdfg".map { "s\(letters[group])\($0)mb" }
            let sentences = (0..<12).map { _ in
                let sentence = (terms + [filler()]).joined(separator: " ")
                return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
            }
            texts.append(sentences.joined(separator: " "))
            for (term, extra) in zip(terms, frequencies) {
                for _ in 0..<extra { texts.append("\(term) \(filler())") }
            }
            askGroups.append(AskGroup(query: terms.joined(separator: " "), firstSentence: sentences[0]))
        }
        while texts.count < 240 { texts.append("\(filler()) \(filler())") }

        binary = try PanelistBinary()
        let corpus = binary.home.appendingPathComponent("ties.jsonl")
        let lines = texts.enumerated().map { #"{"id": "\#(String(format: "t%03d", $0.offset))", "text": "\#($0.element)"}"# }
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        store = binary.home.appendingPathComponent("ties.sqlite").path
        let index = try binary.run(["index", corpus.path, "--store", store])
        guard index.status == 0 else { throw IndexFailed(message: index.stderr) }
        self.searchGroups = searchGroups
        self.askGroups = askGroups
    }

    struct IndexFailed: Error {
        var message: String
    }
}
