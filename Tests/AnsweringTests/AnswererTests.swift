import Answering
import Corpus
import Search
import Testing

@Suite struct AnswererTests {
    let answerer: Answerer

    init() throws {
        answerer = try SeedStore.answerer()
    }

    @Test func answersWithVerbatimCitedSentences() throws {
        let answer = try answerer.answer("Why is Putin so eager to court Trump?")
        #expect(!answer.abstained)
        #expect((1...3).contains(answer.sentences.count))
        #expect(answer.citations.first?.passage.passage.expert == "Dmitri Trenin")
        for sentence in answer.sentences {
            let citation = try #require(answer.citations.first { $0.n == sentence.citation })
            #expect(citation.passage.passage.text.contains(sentence.text))
        }
        #expect(answer.text.contains("[1]"))
    }

    @Test func framingWordsAndExpansionsDoNotPickTheSentences() throws {
        let answer = try answerer.answer("What does the Kremlin think about China?")
        #expect(answer.sentences.first?.text.hasPrefix("Ties between Russia and China") == true)
    }

    @Test func citationsAreNumberedInOrderOfFirstUseOnePerPassage() throws {
        for question in ["What does the Kremlin think of Trump?", "How does the Kremlin think about China?", "Are Russia and Iran allies?"] {
            let answer = try answerer.answer(question)
            #expect(answer.citations.map(\.n) == Array(1...answer.citations.count))
            #expect(Set(answer.citations.map(\.passage.doc)).count == answer.citations.count)
            let firstUse = answer.sentences.map(\.citation).reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }
            #expect(firstUse == answer.citations.map(\.n))
        }
    }

    @Test func sentencesKeepReadingOrderWithinAPassage() throws {
        let answer = try answerer.answer("What does the Kremlin think of Trump?")
        for citation in answer.citations where citation.quotes.count > 1 {
            let text = citation.passage.passage.text
            let positions = citation.quotes.compactMap { text.range(of: $0)?.lowerBound }
            #expect(positions == positions.sorted())
        }
    }

    @Test func declinesOffTopicQuestionsAndListsTheTopics() throws {
        let subjects = ["banana bread", "sourdough", "the 2018 World Cup", "photosynthesis", "knitting patterns", "the weather in Paris",
                        "Python decorators", "the capital of Australia", "jazz chords", "marathon training"]
        let templates = ["What is the recipe for %@?", "Tell me about %@.", "How do I learn %@?", "Who won %@?"]
        for subject in subjects {
            for template in templates {
                let question = template.replacingOccurrences(of: "%@", with: subject)
                let answer = try answerer.answer(question)
                #expect(answer.abstained, "answered an off-topic question: \(question)")
                #expect(answer.citations.isEmpty)
                #expect(answer.topics.map(\.expert.name) == ["Dmitri Trenin", "Alexander Gabuev", "Alexander Baunov"])
            }
        }
    }

    @Test func declinesEverydayQuestionsThatShareOneCommonWord() throws {
        for question in ["What is the best programming language?", "How does photosynthesis work?", "Is the stock market going up?",
                         "What are the health benefits of green tea?", "What is the speed of light?", "How do I reset my password?"] {
            let answer = try answerer.answer(question)
            #expect(answer.abstained, "answered an off-topic question: \(question)")
        }
    }

    @Test func declinesNamesTheCorpusNeverMentions() throws {
        let answer = try answerer.answer("What does the Kremlin think about Venezuela?")
        #expect(answer.abstained)
        #expect(answer.notice?.contains("Venezuela") == true || answer.notice?.contains("venezuela") == true)
    }

    @Test func expertNamedInTheQuestionRestrictsTheAnswer() throws {
        for question in ["What does Gabuev say about sanctions?", "According to alexander gabuev, what about sanctions?", "GABUEV on sanctions"] {
            let answer = try answerer.answer(question)
            #expect(!answer.abstained)
            #expect(answer.citations.allSatisfy { $0.passage.passage.expert == "Alexander Gabuev" })
            #expect(answer.notice?.contains("Alexander Gabuev") == true)
        }
    }

    @Test func explicitExpertOptionAndUnknownNames() throws {
        let answer = try answerer.answer("sanctions", options: AnswerOptions(expert: "trenin"))
        #expect(answer.citations.allSatisfy { $0.passage.passage.expert == "Dmitri Trenin" })
        let error = try #require(throws: AnswerError.self) { try answerer.answer("sanctions", options: AnswerOptions(expert: "Smith")) }
        #expect(error.code == .unknownExpert)
        #expect(error.message.contains("Dmitri Trenin, Alexander Gabuev, Alexander Baunov"))
    }

    @Test func whichExpertQuestionsNameExpertsWithOneSentenceEach() throws {
        let answer = try answerer.answer("Which experts talked about sanctions?")
        #expect(!answer.abstained)
        let speakers = answer.sentences.compactMap(\.speaker)
        #expect(speakers.count == answer.sentences.count)
        #expect(Set(speakers).count == speakers.count)
        #expect(answer.text.contains("Alexander Gabuev: "))
        let who = try answerer.answer("Who said Russia cannot leave Syria without American help?")
        #expect(who.sentences.first?.speaker == "Alexander Baunov")
    }

    @Test func roleFindsTheExpert() throws {
        let answer = try answerer.answer("What does the director of the Carnegie Moscow Center think about Trump?")
        #expect(answer.citations.first?.passage.passage.expert == "Dmitri Trenin")
    }

    @Test func emptyAndHugeQuestionsAreErrors() throws {
        #expect(throws: AnswerError.self) { try answerer.answer("") }
        #expect(throws: AnswerError.self) { try answerer.answer("what is the") }
        let huge = try #require(throws: AnswerError.self) { try answerer.answer(String(repeating: "sanctions ", count: 500)) }
        #expect(huge.code == .questionTooLong)
    }
}
