import Answering
import Testing

/// A name in a question is evidence only where a passage has it literally or through a true alias
/// (issue 14): the seed corpus mentions Iran, North Korea, China and Kiev, never Japan or South Korea.
@Suite struct NameCheckTests {
    let answerer: Answerer

    init() throws {
        answerer = try SeedStore.answerer()
    }

    @Test(arguments: [
        ("What does the Kremlin think about Japan?", "Japan"),
        ("How does Moscow see South Korea?", "South Korea"),
        ("How does Russia see Taiwan?", "Taiwan"),
        ("What does Moscow want from Belarus?", "Belarus"),
        ("what does russia think about mongolia?", "Mongolia"),
        ("how does the kremlin view zelensky?", "zelensky"),
    ])
    func aPlaceTheCorpusNeverMentionsIsDeclinedAndNamed(question: String, name: String) throws {
        let answer = try answerer.answer(question)
        #expect(answer.abstained)
        #expect(answer.evidence.unknownNames.contains(name))
        #expect(answer.notice?.contains("the corpus never mentions \(name); the nearest passage answers “") == true)
    }

    @Test func englishWordsAWordNetLacksOrInflectsAreNoNames() throws {
        for question in ["Is Russia afraid of a wider war with the United States?", "Could sanctions be eased anytime soon?",
                         "Does Washington's hostility toward Tehran help Moscow?", "Why does Pyongyang want long-range nuclear weapons?",
                         "Is the biggest worry of the Kremlin China?"] {
            #expect(try answerer.retriever.query(for: question).unknownNames.isEmpty, "\(question)")
        }
    }

    @Test func aCompoundsJoinedFormIsNoNameButANamedPartIs() throws {
        let missiles = try answerer.answer("Which American administration first said Russia was breaking the medium-range missile pact?")
        #expect(!missiles.abstained, "“mediumrange”, which the corpus lacks, is “medium” and “range”: \(missiles.notice ?? "")")
        #expect(missiles.evidence.unknownNames.isEmpty)
        let frontier = try answerer.answer("Why is calm on the long Sino-Russian frontier a matter of money for Moscow?")
        #expect(!frontier.abstained, "“Sino” is a combining form, not a name: \(frontier.notice ?? "")")
        let japan = try answerer.answer("How does Moscow see Sino-Japanese ties?")
        #expect(japan.abstained && japan.evidence.unknownNames.contains { $0.contains("Japanese") }, "\(japan.evidence.unknownNames)")
        let talks = try answerer.answer("What did Moscow expect from the Merkel-Putin talks?")
        #expect(talks.abstained)
        #expect(talks.evidence.unknownNames.count == 1 && talks.evidence.unknownNames[0].hasPrefix("Merkel"), "\(talks.evidence.unknownNames)")
    }

    @Test func americansAreTheUnitedStates() throws {
        let answer = try answerer.answer("What does the Kremlin think would make Russia look better in the eyes of Americans?")
        #expect(!answer.abstained)
        #expect(answer.query.terms.contains { $0.word == "americans → united states" }, "\(answer.query.terms.map(\.word))")
        #expect(answer.citations.contains { $0.passage.passage.text.contains("enhance Russia’s brand in the United States") })
    }

    @Test func aContainingPlaceIsNoAliasButACapitalStandsForItsCountry() throws {
        let japan = try answerer.retriever.query(for: "What does the Kremlin think about Japan?")
        #expect(!japan.terms.contains { $0.word.contains("→") }, "no “Japan → Asia” or “Japan → Pacific”")
        let tehran = try answerer.answer("Are the penalties on Russia as harsh as those on Tehran?")
        #expect(!tehran.abstained)
        #expect(tehran.query.terms.contains { $0.word == "tehran → iran" })
    }

    @Test func namesTheCorpusHasAreAnsweredAsBefore() throws {
        for question in ["Does Russia coordinate with China on North Korea?", "What should Moscow and Kyiv do now?",
                         "What does the director of the Carnegie Moscow Center think about Trump?"] {
            let answer = try answerer.answer(question)
            #expect(!answer.abstained, "\(question): \(answer.notice ?? "")")
            #expect(answer.evidence.unknownNames.isEmpty)
        }
    }

    @Test func misspeltCommonWordsAreNotTopics() throws {
        let answer = try answerer.answer("waht does gabuev thnk about sanctoins?")
        #expect(!answer.abstained)
        #expect(!answer.query.terms.contains { $0.word == "waht" || $0.word == "thnk" })
        #expect(answer.citations.first?.passage.passage.expert == "Alexander Gabuev")
        let swapped = try answerer.answer("what dose baunov say about syrai?")
        #expect(!swapped.abstained, "“dose” is “does” with two letters swapped, not a topic")
        #expect(swapped.citations.allSatisfy { $0.passage.passage.expert == "Alexander Baunov" })
    }
}
