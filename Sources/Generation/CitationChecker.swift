import Answering
import Corpus
import Foundation
import Retrieval

/// Makes a language model's citations true: Panelist, not the model, answers for them.
///
/// The reply is split into sentences and each is checked against the passages the model was given:
/// - a marker `[n]` that names no given passage is removed and reported;
/// - a sentence is **supported** by a passage when at least `minimumSupport` of its content
///   terms (weighted by IDF within the given passages) occur in the passage, and at least two do;
/// - a cited sentence keeps the cited passages that support it; if none does but another passage
///   does, that passage's marker replaces them; an uncited sentence gets the marker of the one
///   passage that clearly supports it;
/// - a sentence that no passage supports is listed as unsupported. Sentences of fewer than two
///   content words ("Yes.") are left as they are.
/// Markers are then renumbered 1, 2, … in order of first use.
public struct CitationChecker: Sendable {
    /// The least share of a sentence's content weight a passage must contain to support it.
    public var minimumSupport = 0.5
    let analyzer: Analyzer
    let splitter = SentenceSplitter()

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// The outcome of a check.
    public struct Result: Sendable, Equatable {
        /// The reply's sentences with corrected, renumbered markers.
        public var sentences: [CheckedSentence]
        /// For each marker number used, the index (0-based) of the passage in the given list.
        public var citedPassages: [Int]
        /// Marker numbers in the reply that named no given passage.
        public var removedMarkers: [Int]
        /// Sentences no passage supports.
        public var unsupported: [String]

        /// Whether any sentence with content is supported.
        public var hasSupport: Bool { sentences.contains { !$0.citations.isEmpty } }
    }

    /// One sentence of a checked reply.
    public struct CheckedSentence: Sendable, Equatable {
        /// The sentence without markers.
        public var text: String
        /// The (renumbered) markers it carries.
        public var citations: [Int]
        public var isSupported: Bool
    }

    /// Checks `reply` against `passages` (marker `[n]` names `passages[n - 1]`).
    public func check(_ reply: String, passages: [Passage]) -> Result {
        let passageTerms = passages.map { Set(analyzer.terms($0.text)) }
        var frequency: [String: Int] = [:]
        for terms in passageTerms { for term in terms { frequency[term, default: 0] += 1 } }
        func weight(_ term: String) -> Double {
            TFIDF.inverseDocumentFrequency(documentFrequency: frequency[term] ?? 0, passageCount: passages.count)
        }
        // Weights are summed independently of the sets' hash order (which changes with every
        // process), so that a support at the threshold, or two passages' equal supports, come out
        // the same in every run.
        func support(_ terms: Set<String>, _ index: Int) -> Double {
            let total = terms.map(weight).orderIndependentSum()
            guard total > 0, terms.intersection(passageTerms[index]).count >= min(2, terms.count) else { return 0 }
            return terms.intersection(passageTerms[index]).map(weight).orderIndependentSum() / total
        }
        var removed: [Int] = []
        var unsupported: [String] = []
        var raw: [(text: String, passages: [Int], supported: Bool)] = []
        for (text, markers) in Self.fragments(of: reply) {
            var cited: [Int] = []
            for marker in markers {
                if (1...max(1, passages.count)).contains(marker), marker <= passages.count {
                    if !cited.contains(marker - 1) { cited.append(marker - 1) }
                } else if !removed.contains(marker) {
                    removed.append(marker)
                }
            }
            let terms = Set(analyzer.terms(text))
            guard terms.count >= 2 else {
                raw.append((text, cited, true))
                continue
            }
            let supported = cited.filter { support(terms, $0) >= minimumSupport }
            if !supported.isEmpty {
                raw.append((text, supported, true))
                continue
            }
            let ranked = passages.indices.map { ($0, support(terms, $0)) }.sorted { $0.1 > $1.1 }
            if let best = ranked.first, best.1 >= minimumSupport, ranked.count < 2 || best.1 - ranked[1].1 >= 0.1 || ranked[1].1 < minimumSupport {
                raw.append((text, [best.0], true))
            } else {
                raw.append((text, [], false))
                unsupported.append(text)
            }
        }
        var order: [Int] = []
        let sentences = raw.map { item -> CheckedSentence in
            let numbers = item.passages.map { index -> Int in
                if let position = order.firstIndex(of: index) { return position + 1 }
                order.append(index)
                return order.count
            }
            return CheckedSentence(text: item.text, citations: numbers, isSupported: item.supported)
        }
        return Result(sentences: sentences, citedPassages: order, removedMarkers: removed, unsupported: unsupported)
    }

    /// The reply's sentences without markers, each with the marker numbers that belong to it.
    ///
    /// Line breaks end sentences too. A marker placed after a sentence's final period ("… president.
    /// [1] Next …") belongs to the sentence before it, as does a fragment that is only markers.
    static func fragments(of reply: String) -> [(text: String, markers: [Int])] {
        var fragments: [(text: String, markers: [Int])] = []
        let sentences = reply.split(whereSeparator: \.isNewline).flatMap { SentenceSplitter().split(String($0)) }
        for sentence in sentences {
            var rest = Substring(sentence)
            var leading: [Int] = []
            while rest.first == "[", let close = rest.firstIndex(of: "]"),
                  let numbers = markerNumbers(rest[rest.index(after: rest.startIndex)..<close]) {
                leading += numbers
                rest = rest[rest.index(after: close)...].drop(while: { $0 == " " })
            }
            if !fragments.isEmpty { fragments[fragments.count - 1].markers += leading } else { rest = Substring(sentence) }
            let (text, markers) = strippingMarkers(String(rest))
            if text.isEmpty {
                if !fragments.isEmpty { fragments[fragments.count - 1].markers += markers }
            } else {
                fragments.append((text, markers))
            }
        }
        return fragments
    }

    /// The numbers inside a marker's brackets ("2", "1, 3", "1;3"), or nil when it is no marker.
    static func markerNumbers(_ inside: Substring) -> [Int]? {
        let numbers = inside.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.compactMap { $0 }
    }

    /// `sentence` without its `[n]` markers (also `[1, 2]` and `[1][2]`), and the numbers they held.
    static func strippingMarkers(_ sentence: String) -> (text: String, markers: [Int]) {
        var text = ""
        var markers: [Int] = []
        var index = sentence.startIndex
        while index < sentence.endIndex {
            if sentence[index] == "[", let close = sentence[index...].firstIndex(of: "]"),
               let numbers = markerNumbers(sentence[sentence.index(after: index)..<close]) {
                markers += numbers
                index = sentence.index(after: close)
                continue
            }
            text.append(sentence[index])
            index = sentence.index(after: index)
        }
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return (collapsed.replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ","), markers)
    }
}
