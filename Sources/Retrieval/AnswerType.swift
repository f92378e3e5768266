/// The kind of answer a question's wording asks for, when it asks for one: "How many …?" wants a
/// quantity, "How long …?" a measure, "When …?" a time — the coarse numeric classes of the answer-type
/// taxonomies of question answering (count, distance/period/size, date).
///
/// A passage that holds a value of that kind ("the 4,200-kilometer border", "in 2017") is more
/// likely the answer than one that only shares the question's words; topic coordination counts the
/// expected answer as one more topic of the question (see `Retriever.search`).
public enum AnswerType: String, Sendable, Equatable {
    /// A number or amount: how many, how much, how often, what share …
    case quantity
    /// A number with a unit of measure: how long, how far, how big, what distance … ("4,200 kilometers",
    /// "three years"); a bare count ("three factors") does not answer it.
    case measure
    /// A point or span in time: when, what year, since when …
    case time

    /// The answer type a question of `words` (`QuestionWords.split`) asks for, or `nil`.
    public static func of(words: [String]) -> AnswerType? {
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : ""
            if word == "when" || (word == "how" && next == "soon") { return .time }
            if word == "how", quantityAfterHow.contains(next) { return .quantity }
            if word == "how", measureAfterHow.contains(next) { return .measure }
            if word == "what" || word == "which" {
                if timeNouns.contains(next) { return .time }
                if quantityNouns.contains(next) { return .quantity }
                if measureNouns.contains(next) { return .measure }
            }
        }
        return nil
    }

    /// Whether `text` holds a value of this kind.
    public func isAnswered(by text: String) -> Bool {
        let words = Self.words(text)
        switch self {
        case .quantity:
            return words.contains(where: Self.isNumber)
        case .measure:
            return zip(words, words.dropFirst()).contains { number, unit in
                Self.isNumber(number) && Self.units.contains(unit)
            }
        case .time:
            return words.contains { word in
                (word.count == 4 && word.allSatisfy(\.isNumber) && (1000...2199).contains(Int(word) ?? 0)) || Self.timeWords.contains(word)
            }
        }
    }

    /// Words after "how" that ask for an amount.
    static let quantityAfterHow: Set<String> = ["many", "much", "often", "expensive"]
    /// Words after "how" that ask for a measure.
    static let measureAfterHow: Set<String> = [
        "long", "far", "big", "large", "small", "old", "high", "deep", "wide", "heavy", "fast", "tall",
    ]
    /// Nouns after "what" or "which" that ask for a time.
    static let timeNouns: Set<String> = ["year", "years", "date", "month", "decade", "century"]
    /// Nouns after "what" or "which" that ask for an amount.
    static let quantityNouns: Set<String> = ["percentage", "percent", "share", "proportion", "number", "amount", "cost", "price"]
    /// Nouns after "what" or "which" that ask for a measure.
    static let measureNouns: Set<String> = ["size", "length", "distance", "area", "height", "depth", "width", "weight", "duration"]
    /// Words that state an amount without digits.
    static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty",
        "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion",
        "dozen", "dozens", "half", "third", "quarter", "percent", "double", "twice", "triple",
    ]
    /// Units of measure (length, area, weight, volume, time, speed, share), singular and plural.
    static let units: Set<String> = [
        "kilometer", "kilometers", "kilometre", "kilometres", "km", "mile", "miles", "meter", "meters", "metre", "metres",
        "foot", "feet", "yard", "yards", "inch", "inches", "centimeter", "centimeters", "acre", "acres", "hectare", "hectares",
        "square", "ton", "tons", "tonne", "tonnes", "kilogram", "kilograms", "kg", "pound", "pounds", "gram", "grams", "liter",
        "liters", "litre", "litres", "gallon", "gallons", "barrel", "barrels", "second", "seconds", "minute", "minutes",
        "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
        "centuries", "knot", "knots", "mph", "degree", "degrees", "percent",
    ]
    /// Words that state a time without a year.
    static let timeWords: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "ago", "since", "until", "decade", "decades", "century", "centuries", "yesterday", "today", "recently", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "winter",
    ]

    /// Whether `word` (from `words`) states a number: digits or a number word.
    static func isNumber(_ word: String) -> Bool {
        word.first?.isNumber ?? false || numberWords.contains(word)
    }

    /// Lower-cased runs of letters and digits (a digit run keeps its separators: "4,200-kilometer" → "4,200").
    static func words(_ text: String) -> [String] {
        text.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(text) : unicodeWords(text)
    }

    /// `words` of any text, by Unicode's letter and number properties.
    static func unicodeWords(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == ",") }).map { word in
            word.first?.isNumber ?? false ? String(word) : String(word.filter(\.isLetter))
        }.filter { !$0.isEmpty }
    }

    /// `words` of ASCII text, from its bytes: Unicode's letter and number properties cost a table
    /// lookup a character, and a search reads up to 30 passages this way.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard let first = word.first else { return }
            let kept = (48...57).contains(first) ? word : word.filter { (97...122).contains($0) }
            if !kept.isEmpty { words.append(String(decoding: kept, as: UTF8.self)) }
        }
        for byte in text.utf8 {
            let lower = (65...90).contains(byte) ? byte | 0x20 : byte
            if (97...122).contains(lower) || (48...57).contains(lower) || lower == UInt8(ascii: ",") {
                word.append(lower)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
