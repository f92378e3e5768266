import Retrieval
@testable import Store
import Testing

/// The byte-keyed table behind `TermNumberer`: a chunk is found by its bytes and its case flag,
/// and by nothing else, however crowded the table.
@Suite struct ChunkMemoTests {
    func term(_ number: Int) -> NumberedChunk { .one(NumberedTerm(number: number, isCapitalized: false)) }

    func with<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    @Test func findsWhatWasKeptByBytesAndCase() {
        var memo = ChunkMemo(limit: 8)
        with("sanctions") { memo.insert(term(1), for: ChunkMemo.Key($0, hasLowercase: true)) }
        with("Sanctions") { memo.insert(term(2), for: ChunkMemo.Key($0, hasLowercase: true)) }
        with("sanctions") { memo.insert(term(3), for: ChunkMemo.Key($0, hasLowercase: false)) }
        with("") { memo.insert(term(4), for: ChunkMemo.Key($0, hasLowercase: true)) }
        #expect(with("sanctions") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(1))
        #expect(with("Sanctions") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(2))
        #expect(with("sanctions") { memo.value(for: ChunkMemo.Key($0, hasLowercase: false)) } == term(3))
        #expect(with("") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(4))
        #expect(with("sanction") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
        #expect(with("sanctionss") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
        #expect(with("Übersee") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
        #expect(memo.count == 4)
    }

    /// Chunks of 8 and 16 bytes sit in the slot; longer ones, even with the same first 16 bytes, are
    /// compared whole; values other than one term come back whole.
    @Test func longChunksAndOtherValuesComeBackWhole() {
        var memo = ChunkMemo(limit: 16)
        let several = NumberedChunk.several([NumberedTerm(number: 3, isCapitalized: true), NumberedTerm(number: 4, isCapitalized: false)], FunctionWordSet())
        let none = NumberedChunk.none(FunctionWordSet())
        let chunks = ["abcdefgh", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", "nuclear-capable-missile-systems"]
        for (index, chunk) in chunks.enumerated() { with(chunk) { memo.insert(index == 2 ? several : index == 3 ? none : term(index), for: ChunkMemo.Key($0, hasLowercase: true)) } }
        #expect(with("abcdefgh") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(0))
        #expect(with("abcdefghijklmnop") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(1))
        #expect(with("abcdefghijklmnopq") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == several)
        #expect(with("abcdefghijklmnopr") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == none)
        #expect(with("nuclear-capable-missile-systems") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(4))
        #expect(with("abcdefghijklmnops") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
        #expect(with("abcdefghijklmno") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
    }

    @Test func aFullTableStillFindsEveryChunkAndForgetsThemAllWhenEmptied() {
        var memo = ChunkMemo(limit: 500)
        let words = (0..<500).map { "w\($0)" }
        for (index, word) in words.enumerated() { with(word) { memo.insert(term(index), for: ChunkMemo.Key($0, hasLowercase: true)) } }
        #expect(memo.isFull)
        for (index, word) in words.enumerated() { #expect(with(word) { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(index)) }
        #expect(with("w500") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil)
        memo.removeAll()
        #expect(memo.count == 0)
        #expect(words.allSatisfy { word in with(word) { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == nil })
        with("w7") { memo.insert(term(70), for: ChunkMemo.Key($0, hasLowercase: true)) }
        #expect(with("w7") { memo.value(for: ChunkMemo.Key($0, hasLowercase: true)) } == term(70))
    }
}
