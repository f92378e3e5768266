/// The kind of answer a question's wording asks for, when it asks for one: "How long …?" wants a
/// quantity, "When …?" a time.
///
/// A passage that holds a value of that kind ("the 4,200-kilometer border", "in 2017") is more
/// likely the answer than one that only shares the question's words; topic coordination counts the
/// expected answer as one more topic of the question (see `Retriever.search`).
public enum AnswerType: String, Sendable, Equatable {
    /// A number or amount: how many, how much, how long, how far, what share …
    case quantity
    /// A point or span in time: when, what year, since when …
    case time

    /// The answer type `question` asks for, or `nil` for any other question.
    public static func of(_ question: String) -> AnswerType? {
        let words = Self.words(question)
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if word == "when" || (word == "how" && next == "soon") { return .time }
            if word == "how", quantityAfterHow.contains(next) { return .quantity }
            if word == "what" || word == "which" {
                if timeNouns.contains(next) { return .time }
                if quantityNouns.contains(next) { return .quantity }
            }
        }
        return nil
    }

    /// Whether `text` holds a value of this kind.
    public func isAnswered(by text: String) -> Bool {
        let words = Self.words(text)
        switch self {
        case .quantity:
            return words.contains { $0.first?.isNumber ?? false || Self.numberWords.contains($0) }
        case .time:
            return words.contains { word in
                (word.count == 4 && word.allSatisfy(\.isNumber) && (1000...2199).contains(Int(word) ?? 0)) || Self.timeWords.contains(word)
            }
        }
    }

    /// Words after "how" that ask for an amount.
    static let quantityAfterHow: Set<String> = [
        "many", "much", "long", "far", "big", "large", "small", "old", "often", "high", "deep", "wide", "heavy", "fast", "expensive",
    ]
    /// Nouns after "what" or "which" that ask for a time.
    static let timeNouns: Set<String> = ["year", "years", "date", "month", "decade", "century"]
    /// Nouns after "what" or "which" that ask for an amount.
    static let quantityNouns: Set<String> = [
        "percentage", "percent", "share", "proportion", "number", "amount", "size", "length", "distance", "cost", "price",
    ]
    /// Words that state an amount without digits.
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
        "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
        "dozen", "dozens", "half", "third", "quarter", "percent", "double", "twice", "triple",
    ]
    /// Words that state a time without a year.
    static let timeWords: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "ago", "since", "until", "decade", "decades", "century", "centuries", "yesterday", "today", "recently", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter",
    ]

    /// Lower-cased runs of letters and digits (a digit run keeps its separators: "4,200-kilometer" → "4,200").
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ",") }).map { word in
            word.first?.isNumber ?? false ? String(word) : String(word.filter(\.isLetter))
        }.filter { !$0.isEmpty }
    }
}
