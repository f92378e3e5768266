import Retrieval
import Store

/// Tells which names of a question the corpus mentions: a name is evidence only where a passage
/// has it literally or through a true alias, never through a containing place, a broader word or
/// one word of a multi-word name ("South Korea" is not "North Korea").
///
/// A question's names are its capitalised words after the first, and words the lexicon knows only as
/// names ("mongolia" typed in lower case). A name the corpus lacks is known through an alias only
/// when a passage has the alias's words in a row ("White Russia" for Belarus is not "White House …
/// Russia"); a run of capitalised words the corpus has one by one ("South", "Korea") is known only when
/// some passage has them all.
struct NameCheck {
    let store: PassageStore
    let analyzer: Analyzer
    /// How many passages that have all of an alias's words are read to find them in a row.
    static let passagesRead = 50
    /// The least strength of an alias that a name stands for: the alias's own main sense is this
    /// entity ("Taiwan" → "Republic of China" 0.57, not "China" 0.22; "Washington" → "George Washington" 0.15).
    static let minimumAliasStrength = 0.4

    /// Whether `entry`, an expansion of a name, is a true alias of it: another name of it (or a
    /// capital's country, `scripts/make_lexicon.py`) or a derived form, strong enough, and written out in some passage.
    func isAlias(_ entry: ExpansionTable.Entry) throws -> Bool {
        guard entry.kind == .alias || entry.kind == .derived, entry.weight >= Self.minimumAliasStrength else { return false }
        return try occurs(entry.word)
    }

    /// The terms of `tokens` that are names.
    func names(in tokens: [Token]) throws -> Set<String> {
        var names: Set<String> = []
        for token in tokens {
            let isName = token.isCapitalized && token.position > 1
            if try isName || store.isNameOnly(token.term) { names.insert(token.term) }
        }
        return names
    }

    /// How to call the unknown name `term` in a decline: the run of name words it stands in, as
    /// written ("South Korea" for "south"), or the word itself.
    func shown(_ term: String, in tokens: [Token], names: Set<String>) -> String {
        guard let at = tokens.firstIndex(where: { $0.term == term }) else { return term }
        var start = at, end = at
        while start > 0, names.contains(tokens[start - 1].term), tokens[start - 1].position + 1 == tokens[start].position { start -= 1 }
        while end + 1 < tokens.count, names.contains(tokens[end + 1].term), tokens[end].position + 1 == tokens[end + 1].position { end += 1 }
        return tokens[start...end].map { $0.word.prefix(1).uppercased() + $0.word.dropFirst() }.joined(separator: " ")
    }

    /// The runs of two or more adjacent name tokens whose terms no single passage has together,
    /// as the user wrote them ("South Korea").
    func unmatchedRuns(in tokens: [Token], names: Set<String>) throws -> [String] {
        var runs: [[Token]] = []
        for token in tokens {
            if names.contains(token.term), let last = runs.last?.last, last.position + 1 == token.position, names.contains(last.term) {
                runs[runs.count - 1].append(token)
            } else {
                runs.append([token])
            }
        }
        var unmatched: [String] = []
        for run in runs where run.count > 1 && run.allSatisfy({ names.contains($0.term) }) {
            let terms = run.map(\.term)
            guard try terms.allSatisfy(store.contains(term:)), try passages(havingAll: terms).isEmpty else { continue }
            unmatched.append(run.map { $0.word.prefix(1).uppercased() + $0.word.dropFirst() }.joined(separator: " "))
        }
        return unmatched
    }

    /// Whether some passage has the words of `phrase` in a row (function words may fall between, as
    /// in the phrase).
    func occurs(_ phrase: String) throws -> Bool {
        let wanted = analyzer.tokens(phrase)
        guard let first = wanted.first else { return false }
        guard wanted.count > 1 else { return try store.contains(term: first.term) }
        for doc in try passages(havingAll: wanted.map(\.term)).sorted().prefix(Self.passagesRead) {
            let passage = try store.passage(doc)
            for field in Field.allCases where Self.hasRun(wanted, in: analyzer.tokens(field.content(of: passage))) { return true }
        }
        return false
    }

    /// The passages that have every one of `terms`, each in any field (text, question, expert and role).
    ///
    /// - Complexity: the rarest term's postings first, so a name with a rare word reads little.
    func passages(havingAll terms: [String]) throws -> Set<Int32> {
        let ordered = try Set(terms).map { term in (term, try Field.allCases.reduce(0) { $0 + (try store.documentFrequency(of: term, in: $1)) }) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        var common: Set<Int32>?
        for (term, frequency) in ordered {
            guard frequency > 0 else { return [] }
            var docs: Set<Int32> = []
            for field in Field.allCases {
                guard let list = try store.postingList(for: term, in: field) else { continue }
                for posting in list.postings where common?.contains(posting.passage) ?? true { docs.insert(posting.passage) }
            }
            common = docs
            if docs.isEmpty { return [] }
        }
        return common ?? []
    }

    /// Whether `tokens` has the terms of `wanted` at the same distances from each other.
    static func hasRun(_ wanted: [Token], in tokens: [Token]) -> Bool {
        let positions = Dictionary(tokens.map { ($0.position, $0.term) }, uniquingKeysWith: { first, _ in first })
        return tokens.contains { start in
            start.term == wanted[0].term && wanted.dropFirst().allSatisfy { positions[start.position + $0.position - wanted[0].position] == $0.term }
        }
    }
}
