import Answering
import Search
import Testing

/// A question is read once into its intent, the experts it names, what it asks of the last answer
/// and its query; these check the reading on the seed corpus's experts.
@Suite struct AnalysedQuestionTests {
    let answerer: Answerer

    init() throws {
        answerer = try SeedStore.answerer()
    }

    @Test func intentsAreReadFromTheWordsAndTheNamedExperts() throws {
        #expect(try answerer.analyse("What does the Kremlin think about sanctions?").intent == .topic)
        #expect(try answerer.analyse("Is Russia worried about China?").intent == .yesNo)
        #expect(try answerer.analyse("Which expert talked about Syria?").intent == .whichExpert)
        guard case .compare(let compared) = try answerer.analyse("Do Trenin and Gabuev agree about sanctions?").intent else {
            Issue.record("not a comparison")
            return
        }
        #expect(compared.map(\.surname).sorted() == ["Gabuev", "Trenin"])
        guard case .aboutExperts(.whoIs(let expert)) = try answerer.analyse("Who is Dmitri Trenin?").intent else {
            Issue.record("not a question about an expert")
            return
        }
        #expect(expert.name == "Dmitri Trenin")
    }

    @Test func namesAreLeftOutOfTheQueryAndKeptAsExperts() throws {
        let question = try answerer.analyse("What does Gabuev say about sanctions?")
        #expect(question.named.map(\.name) == ["Alexander Gabuev"])
        #expect(try !question.query().terms.contains { $0.word == "gabuev" })
        #expect(question.followUp == nil)
    }

    @Test func requestsToGoOnHaveNoQueryButAFollowUp() throws {
        #expect(try answerer.analyse("tell me more").followUp == .more)
        let more = try answerer.analyse("more")
        #expect(more.followUp == .more)
        #expect(throws: AnswerError.self) { try more.query() }
        #expect(try answerer.analyse("and what did Baunov say?").followUp == .sameTopic(answerer.analyse("Baunov").named))
        #expect(throws: AnswerError.self) { try answerer.analyse("") }
    }
}
