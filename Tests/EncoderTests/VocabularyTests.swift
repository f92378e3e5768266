import Testing

@testable import Encoder

@Suite struct VocabularyTests {
    static let minimal = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nhello\n##s\ncafé\n"

    @Test func idsAreLineNumbers() throws {
        let vocabulary = try Vocabulary(contents: Array(Self.minimal.utf8))
        #expect(vocabulary.count == 8)
        #expect(vocabulary.id(of: "hello") == 5)
        #expect(vocabulary.id(prefix: Array("##".utf8), utf8: Array("s".utf8)) == 6)
        #expect(vocabulary.token(7) == "café")
        #expect(vocabulary.id(of: "missing") == nil)
        #expect(
            [vocabulary.padding, vocabulary.unknown, vocabulary.classification, vocabulary.separator, vocabulary.mask]
                == [0, 1, 2, 3, 4])
    }

    /// Bytes, not canonical equivalence: "café" spelt with a combining accent is another token.
    @Test func tokensAreComparedByteForByte() throws {
        let vocabulary = try Vocabulary(contents: Array(Self.minimal.utf8))
        #expect(vocabulary.id(of: "cafe\u{301}") == nil)
    }

    @Test func carriageReturnsAndAMissingFinalNewlineAreAccepted() throws {
        let vocabulary = try Vocabulary(contents: Array("[PAD]\r\n[UNK]\r\n[CLS]\n[SEP]\n[MASK]\nlast".utf8))
        #expect(vocabulary.id(of: "[UNK]") == 1)
        #expect(vocabulary.id(of: "last") == 5)
    }

    @Test func aMissingSpecialTokenIsAnError() {
        #expect(throws: Vocabulary.FormatError(reason: "it has no [MASK] token")) {
            try Vocabulary(contents: Array("[PAD]\n[UNK]\n[CLS]\n[SEP]\n".utf8))
        }
    }

    @Test func aRepeatedTokenIsAnError() {
        #expect(throws: Vocabulary.FormatError(reason: "line 7 repeats the token on line 6")) {
            try Vocabulary(contents: Array("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nword\nword\n".utf8))
        }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: Vocabulary.FormatError(reason: "line 2 is not UTF-8")) {
            try Vocabulary(contents: Array("[PAD]\n".utf8) + [0xff, 0xfe, 0x0a])
        }
    }
}
