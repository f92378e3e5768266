import Answering
import Retrieval
import Search
import Testing

@Suite struct TopicCoverageTests {
    /// "sanctions" (typed), "relief" (typed, with the expansion "easing"), "think" (a framing word).
    let query: Query = {
        var query = Query(terms: [
            QueryTerm(term: "sanction", word: "sanctions", weight: 1),
            QueryTerm(term: "relief", word: "relief", weight: 1),
            QueryTerm(term: "think", word: "think", weight: 1),
        ])
        query.merge([QueryTerm(term: "eas", word: "relief → easing", weight: 0.4, origin: .expansion, sources: ["relief"])])
        return query
    }()
    let textVector = ["sanction": 0.6, "relief": 0.3, "think": 0.5, "eas": 0.1]

    func match(_ term: String, in field: Field = .text) -> Contribution {
        Contribution(term: term, word: term, field: field, origin: .user, queryWeight: 0.1, passageWeight: 0.1, value: 0.01)
    }

    @Test func weighsEachTopicByItsShareAndIgnoresFramingWords() {
        let topics = TopicCoverage(query: query, textVector: textVector)
        let plain = topics.coverage(of: [match("sanction"), match("think")], exponent: 1)
        #expect(abs(plain.share - 0.6 / 0.9) < 1e-9)
        #expect(plain.matchedTerms == 1)
        let squared = topics.coverage(of: [match("sanction")], exponent: 2)
        #expect(abs(squared.share - 0.36 / 0.45) < 1e-9)
    }

    @Test func anExpansionCoversItsSourcePartlyAndTheExpertFieldNotAtAll() {
        let topics = TopicCoverage(query: query, textVector: textVector)
        let expanded = topics.coverage(of: [match("eas")], exponent: 1)
        #expect(abs(expanded.share - TopicCoverage.expansionCredit * 0.3 / 0.9) < 1e-9)
        #expect(topics.coverage(of: [match("sanction", in: .expert)], exponent: 1).share == 0)
        #expect(topics.coverage(of: [match("sanction"), match("relief")], exponent: 1).share == 1)
    }

    @Test func listsTheWordsNoPassageMatches() {
        let topics = TopicCoverage(query: query, textVector: textVector)
        #expect(topics.unmatchedWords(in: []) == ["sanctions", "relief"])
        #expect(TopicCoverage(query: Query(terms: []), textVector: [:]).isEmpty)
    }

    @Test func coordinationRanksThePassageCoveringEveryTopicFirst() throws {
        var plain = RetrievalSettings()
        plain.coordination = 0
        let question = "Who first claimed that Russia was breaking the missile agreement?"
        let cosine = try SeedStore.answerer(settings: plain).retriever
        let coordinated = try SeedStore.answerer().retriever
        let before = try cosine.search(cosine.query(for: question), k: 5)
        let after = try coordinated.search(coordinated.query(for: question), k: 5, explain: true)
        let answer = "Obama’s administration accused Russia of violating it"
        #expect(before.passages.first?.passage.text.contains(answer) == false)
        #expect(after.passages.first?.passage.text.contains(answer) == true)
        #expect(before.passages.allSatisfy { $0.coverageFactor == 1 })
        for ranked in after.passages {
            #expect(ranked.coverageFactor > 0.5 && ranked.coverageFactor <= 1)
            #expect(abs(ranked.contributions.map(\.value).reduce(0, +) * ranked.coverageFactor - ranked.score) < 1e-9)
        }
        #expect(after.passages.map(\.score) == after.passages.map(\.score).sorted(by: >))
    }

    /// Passages that cover the same four words and one of six equally rare ones cover the same share
    /// to the last bit, however the query's terms were gathered: the share re-ranks passages, and a
    /// sum in a dictionary's order (which changes with every process and every instance) broke their
    /// tie by hash order instead of by passage number (issue 13, item 7).
    @Test func equalWeightsCoverTheSameShareToTheLastBitInEveryOrder() {
        let shared = ["abbmb": 0.2141305160668551, "abcmb": 0.2439802362838308, "abdmb": 0.2603103853510191, "abfmb": 0.21716732695082414]
        let rare = ["zxbbmb", "zxbcmb", "zxbdmb", "zxbfmb", "zxbgmb", "zxbhmb"]
        var textVector = shared
        for term in rare { textVector[term] = 0.3604854647497977 }
        let terms = shared.keys.sorted() + rare
        var shares: Set<Double> = []
        // A dictionary's order also depends on where its storage lies: keeping each measure alive
        // moves the next one's, as a new process would.
        var kept: [TopicCoverage] = []
        for round in 0..<5 {
            for rotation in terms.indices {
                let rotated = Array(terms[rotation...] + terms[..<rotation])
                let order = round % 2 == 0 ? rotated : rotated.reversed()
                let topics = TopicCoverage(query: Query(terms: order.map { QueryTerm(term: $0, word: $0, weight: 1) }), textVector: textVector)
                for word in rare {
                    shares.insert(topics.coverage(of: shared.keys.map { match($0) } + [match(word)], exponent: 1).share)
                }
                kept.append(topics)
            }
        }
        #expect(shares.count == 1)
        #expect(kept.count == 50)
    }
}
