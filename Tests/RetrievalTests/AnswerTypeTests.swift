@testable import Retrieval
import Testing

@Suite struct AnswerTypeTests {
    @Test(arguments: [
        ("How long is the border between Russia and China?", AnswerType.measure),
        ("How far is Moscow from the border?", .measure),
        ("What distance separates the two capitals?", .measure),
        ("How much did the deal cost?", .quantity),
        ("How many ships were seized?", .quantity),
        ("What share of exports goes to China?", .quantity),
        ("When did the treaty collapse?", .time),
        ("In what year was the arms pact signed?", .time),
        ("How soon could sanctions be lifted?", .time),
    ])
    func questionsThatAskForAValue(question: String, type: AnswerType) {
        #expect(AnswerType.of(words: QuestionWords.split(question)) == type)
    }

    @Test(arguments: ["Why is the Ukraine crisis heating up again?", "How does the Kremlin think about China?", "What does Putin want?", "Who said that?"])
    func otherQuestionsAskForNone(question: String) {
        #expect(AnswerType.of(words: QuestionWords.split(question)) == nil)
    }

    @Test func quantitiesAreDigitsOrNumberWords() {
        #expect(AnswerType.quantity.isAnswered(by: "the 4,200-kilometer border"))
        #expect(AnswerType.quantity.isAnswered(by: "nearly a half-trillion dollars in reserves"))
        #expect(AnswerType.quantity.isAnswered(by: "three Ukrainian ships"))
        #expect(!AnswerType.quantity.isAnswered(by: "Ties between Russia and China are unlikely to deteriorate."))
    }

    @Test func measuresAreNumbersWithAUnit() {
        #expect(AnswerType.measure.isAnswered(by: "the 4,200-kilometer border"))
        #expect(AnswerType.measure.isAnswered(by: "for three years now"))
        #expect(AnswerType.measure.isAnswered(by: "some 40 percent of its exports"))
        #expect(!AnswerType.measure.isAnswered(by: "three fundamental factors are driving the countries closer"))
        #expect(!AnswerType.measure.isAnswered(by: "kilometers of coast, 12 of them"))
    }

    @Test func timesAreYearsOrTimeWords() {
        #expect(AnswerType.time.isAnswered(by: "in summer 2017"))
        #expect(AnswerType.time.isAnswered(by: "just two months ago"))
        #expect(AnswerType.time.isAnswered(by: "the 1987 arms pact"))
        #expect(!AnswerType.time.isAnswered(by: "the 4,200-kilometer border"))
        #expect(!AnswerType.time.isAnswered(by: "Putin wants a privileged relationship."))
    }

    /// ASCII text is split from its bytes exactly as Unicode's properties split it.
    @Test(arguments: ["the 4,200-kilometer border", "In SUMMER 2017, a4 b,c ,abc 12,,3 x9y", "", "   ", "U.S.-China talks (1987)!",
                      "Tabs\tand\nlines; semi;colons: 40%", "ALL CAPS and MiXeD 3rd 21st"])
    func asciiWordsAreTheUnicodeWords(text: String) {
        #expect(AnswerType.asciiWords(text) == AnswerType.unicodeWords(text))
    }
}
