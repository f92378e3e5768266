import Corpus
import Foundation
import Testing

/// The seed corpus as bundled in store/, found from this file's location.
func seedCorpusURL() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("store/carnegie-moscow-experts.txt")
}

@Suite struct SeedCorpusTests {
    let corpus: LoadedCorpus

    init() throws {
        corpus = try DocumentLoader().load([seedCorpusURL()])
    }

    @Test func parsesThreeExpertsElevenQuestionsThirtyFourPassages() {
        #expect(corpus.experts.count == 3)
        #expect(Set(corpus.passages.map(\.question)).count == 11)
        #expect(corpus.passages.count == 34)
    }

    @Test func truncatedExpertLineIsStillAnExpert() throws {
        let baunov = try #require(corpus.experts.last)
        #expect(baunov.expert.name == "Alexander Baunov")
        #expect(baunov.expert.role == "senior fellow at the Carnegie Moscow Center and editor in chief of")
        #expect(baunov.passages == 7)
    }

    @Test func expertsInOrderWithRoles() {
        #expect(corpus.experts.map(\.expert.name) == ["Dmitri Trenin", "Alexander Gabuev", "Alexander Baunov"])
        #expect(corpus.experts[0].expert.role == "director of the Carnegie Moscow Center")
        #expect(corpus.experts.map(\.passages) == [10, 17, 7])
    }

    @Test func strayHeadingIsNeitherQuestionNorPassage() {
        #expect(!corpus.passages.contains { $0.question.contains("A View From Washington") || $0.text == "A View From Washington" })
        let afterHeading = corpus.passages.first { $0.text.hasPrefix("Putin, however, urges a dialogue") }
        #expect(afterHeading?.question == "Is Russia pleased that the United States will be blamed for the treaty’s collapse?")
    }

    @Test func passageMetadata() throws {
        let first = try #require(corpus.passages.first)
        #expect(first.id == "carnegie-moscow-experts:1")
        #expect(first.expert == "Dmitri Trenin")
        #expect(first.question == "Why is Russian President Vladimir Putin still so eager to court U.S. President Donald Trump?")
        #expect(first.text.hasPrefix("Like all Russian leaders, Putin wants a privileged relationship"))
        #expect(first.source == "carnegie-moscow-experts.txt")
        #expect(first.ordinal == 1)
        let gabuev = try #require(corpus.passages.first { $0.text.contains("4,200-kilometer border") })
        #expect(gabuev.expert == "Alexander Gabuev")
        #expect(gabuev.role.hasPrefix("senior fellow and chair of the Russia in the Asia-Pacific Program"))
        #expect(gabuev.question == "How does the Kremlin think about China?")
        let last = try #require(corpus.passages.last)
        #expect(last.id == "carnegie-moscow-experts:34")
        #expect(last.expert == "Alexander Baunov")
        #expect(last.text.hasSuffix(last.text.last.map(String.init) ?? ""))
    }

    @Test func idsAreStableAndUnique() throws {
        let again = try DocumentLoader().load([seedCorpusURL()])
        #expect(again.passages.map(\.id) == corpus.passages.map(\.id))
        #expect(Set(corpus.passages.map(\.id)).count == corpus.passages.count)
        #expect(again.contentHash == corpus.contentHash)
    }
}
