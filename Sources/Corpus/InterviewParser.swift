import Foundation

/// Reads the plain-text interview format: expert lines, question lines and answer paragraphs.
///
/// Paragraphs are separated by blank lines. A paragraph is
/// - a **question** when it is one sentence ending with "?";
/// - an **expert line** when it is one sentence that starts with a capitalised name of two to
///   four words followed by a comma and a lower-case role ("Dmitri Trenin, director of …"),
///   even when the role is cut short, and the next paragraph is a question;
/// - a **heading** (ignored) when it is short, has no closing punctuation and is not a question;
/// - otherwise an **answer paragraph**, which becomes one or more passages of the current expert
///   and question.
///
/// See docs/CORPUS.md for the format.
public struct InterviewParser: Sendable {
    let chunker: Chunker
    let splitter = SentenceSplitter()

    public init(chunker: Chunker = Chunker()) {
        self.chunker = chunker
    }

    /// The passages of one interview document.
    ///
    /// - Parameters:
    ///   - text: The document's text.
    ///   - source: The source name recorded in each passage (usually the file name).
    ///   - idStem: What the passages' ids start with (default: `source`'s stem).
    /// - Returns: The answer passages in document order, numbered from 1.
    public func passages(in text: String, source: String, idStem: String? = nil) -> [Passage] {
        var builder = PassageBuilder(source: source, idStem: idStem, chunker: chunker)
        let paragraphs = Paragraphs.split(text)
        for (index, paragraph) in paragraphs.enumerated() {
            let nextIsQuestion = index + 1 < paragraphs.count && isQuestion(paragraphs[index + 1])
            if isQuestion(paragraph) {
                builder.question = paragraph
            } else if nextIsQuestion, let expert = expertLine(paragraph) {
                builder.expert = expert
                builder.question = ""
            } else if !isHeading(paragraph) {
                builder.add(paragraph: paragraph)
            }
        }
        return builder.passages
    }

    func isQuestion(_ paragraph: String) -> Bool {
        paragraph.hasSuffix("?") && splitter.ranges(in: paragraph).count == 1
    }

    func isHeading(_ paragraph: String) -> Bool {
        guard let last = paragraph.last else { return true }
        return Chunker.wordCount(paragraph) <= 12 && !".!?:;,\"”’)".contains(last)
    }

    /// The expert a paragraph introduces, or nil when it is not an expert line.
    func expertLine(_ paragraph: String) -> Expert? {
        guard Chunker.wordCount(paragraph) <= 45, splitter.ranges(in: paragraph).count == 1,
              let comma = paragraph.firstIndex(of: ",") else { return nil }
        let nameWords = paragraph[..<comma].split(separator: " ")
        guard (2...4).contains(nameWords.count),
              nameWords.allSatisfy({ word in word.first?.isUppercase == true && word.allSatisfy { $0.isLetter || ".-'’".contains($0) } }),
              !Self.leadingFunctionWords.contains(nameWords[0].lowercased()) else { return nil }
        let role = paragraph[paragraph.index(after: comma)...].drop(while: { $0 == " " })
        guard let initial = role.first, initial.isLowercase,
              let roleWord = role.split(separator: " ").first.map({ $0.lowercased().trimmingCharacters(in: .punctuationCharacters) }),
              !Self.discourseWords.contains(roleWord) else { return nil }
        return Expert.parse(line: paragraph)
    }

    /// Words that follow a name in an ordinary sentence ("Putin, however, …"), never a role.
    static let discourseWords: Set<String> = [
        "however", "though", "too", "also", "meanwhile", "who", "which", "whose", "said", "says",
        "in", "for", "instead", "therefore", "then", "of", "and", "or", "but", "nevertheless", "moreover",
    ]

    /// Capitalised words that open ordinary sentences ("In Moscow, …"), never a name.
    static let leadingFunctionWords: Set<String> = [
        "in", "on", "at", "for", "by", "the", "a", "an", "as", "after", "before", "since", "during",
        "from", "to", "with", "without", "under", "over", "like", "unlike", "when", "while", "if",
        "but", "and", "yet", "so", "today", "yesterday", "first", "second", "third", "finally",
    ]
}

/// Accumulates passages for a document while its parser walks the paragraphs.
struct PassageBuilder {
    let source: String
    let idStem: String
    let chunker: Chunker
    var expert = Expert(name: "", role: "")
    var question = ""
    private(set) var passages: [Passage] = []

    init(source: String, idStem: String?, chunker: Chunker) {
        self.source = source
        self.idStem = idStem ?? Self.stem(of: source)
        self.chunker = chunker
    }

    mutating func add(paragraph: String) {
        for piece in chunker.chunks(of: paragraph) {
            let ordinal = passages.count + 1
            let passage = Passage(
                id: "\(idStem):\(ordinal)",
                expert: expert.name, role: expert.role, question: question,
                text: piece, source: source, ordinal: ordinal)
            // A piece of nothing but control characters has no text once they are removed.
            if !passage.text.trimmingWhitespace().isEmpty { passages.append(passage) }
        }
    }

    /// "carnegie-moscow-experts.txt" → "carnegie-moscow-experts", the start of its passages' ids
    /// ("carnegie-moscow-experts:7").
    static func stem(of source: String) -> String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
