import Testing

@testable import Encoder

/// The WordPiece rules one at a time, over the real vocabulary (the fixture checks them all together
/// against the reference).
@Suite struct TokenizerRulesTests {
    func pieces(_ text: String) throws -> [String] {
        let tokenizer = try RealModel.tokenizer()
        return tokenizer.encode(text).map { tokenizer.vocabulary.token($0) }
    }

    @Test func framesWithClassificationAndSeparator() throws {
        #expect(try pieces("") == ["[CLS]", "[SEP]"])
        #expect(try pieces("Hello, world!") == ["[CLS]", "hello", ",", "world", "!", "[SEP]"])
    }

    @Test func continuationPiecesStartWithHashes() throws {
        #expect(try pieces("tokenizer") == ["[CLS]", "token", "##izer", "[SEP]"])
    }

    @Test func lowerCasesAndStripsAccents() throws {
        #expect(try pieces("CAFÉ Zürich") == ["[CLS]", "cafe", "zurich", "[SEP]"])
    }

    @Test func splitsPunctuationAbbreviationsAndCurlyQuotes() throws {
        #expect(try pieces("U.S. Russia’s") == ["[CLS]", "u", ".", "s", ".", "russia", "’", "s", "[SEP]"])
    }

    @Test func splitsEachChineseCharacter() throws {
        #expect(try pieces("北京") == ["[CLS]", "北", "京", "[SEP]"])
    }

    @Test func dropsControlAndFormatCharacters() throws {
        #expect(try pieces("co\u{00AD}oper\u{0007}ation\u{200B}") == ["[CLS]", "cooperation", "[SEP]"])
    }

    @Test func wordsLongerThanAHundredCharactersAreUnknown() throws {
        #expect(try pieces(String(repeating: "a", count: 101)) == ["[CLS]", "[UNK]", "[SEP]"])
        #expect(try pieces(String(repeating: "a", count: 100)).count > 3)
    }

    @Test func aWordThatCannotBeCoveredIsUnknownAsAWhole() throws {
        #expect(try pieces("hello🙂world") == ["[CLS]", "[UNK]", "[SEP]"])
    }

    @Test func specialTokensInTheTextAreKept() throws {
        #expect(try pieces("a[SEP]b [mask]") == ["[CLS]", "a", "[SEP]", "b", "[", "mask", "]", "[SEP]"])
    }

    @Test func longTextsAreCutToTwoHundredFiftySixTokens() throws {
        let tokenizer = try RealModel.tokenizer()
        let exact = tokenizer.encode(Array(repeating: "word", count: 254).joined(separator: " "))
        let over = tokenizer.encode(Array(repeating: "word", count: 1000).joined(separator: " "))
        #expect(exact.count == 256 && exact.last == tokenizer.vocabulary.separator)
        #expect(over == exact)
        let short = WordPieceTokenizer(vocabulary: tokenizer.vocabulary, maximumLength: 4)
        #expect(
            short.encode("tokenizer tokenizer").map { short.vocabulary.token($0) } == [
                "[CLS]", "token", "##izer", "[SEP]",
            ])
        #expect(short.encode("a [SEP] b").map { short.vocabulary.token($0) } == ["[CLS]", "a", "[SEP]", "[SEP]"])
    }
}

extension TokenizerRulesTests {
    @Test func reportsWhetherATextWasCut() throws {
        let tokenizer = try RealModel.tokenizer()
        #expect(!tokenizer.tokenize(Array(repeating: "word", count: 254).joined(separator: " ")).truncated)
        #expect(tokenizer.tokenize(Array(repeating: "word", count: 255).joined(separator: " ")).truncated)
        #expect(tokenizer.tokenize("word [SEP]").truncated == false)
        let short = WordPieceTokenizer(vocabulary: tokenizer.vocabulary, maximumLength: 3)
        #expect(short.tokenize("tokenizer") == WordPieceTokenizer.Tokens(ids: [101, 19204, 102], truncated: true))
        #expect(short.tokenize("token") == WordPieceTokenizer.Tokens(ids: [101, 19204, 102], truncated: false))
        #expect(short.tokenize("token [SEP]").truncated)
    }
}
