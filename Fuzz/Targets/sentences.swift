@testable import Corpus
import Foundation

/// `SentenceSplitter` and `Chunker` over any text, as the parsers call them on each paragraph.
///
/// Sentences must come in order, trimmed, and together hold every non-blank character of the text;
/// chunks likewise hold every non-blank character of their paragraph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentences(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let splitter = SentenceSplitter()
    let ranges = splitter.ranges(in: text)
    var previousEnd = text.startIndex
    for range in ranges {
        fuzzCheck(range.lowerBound >= previousEnd && range.lowerBound < range.upperBound, "sentence ranges overlap or are empty: \(ranges)")
        let sentence = text[range]
        fuzzCheck(sentence.first?.isWhitespace == false && sentence.last?.isWhitespace == false, "untrimmed sentence \(sentence.debugDescription)")
        previousEnd = range.upperBound
    }
    let sentences = splitter.split(text)
    fuzzCheck(sentences == ranges.map { String(text[$0]) }, "split and ranges disagree")
    fuzzCheck(nonBlank(sentences.joined()) == nonBlank(text), "sentences lost or added text")
    for paragraph in Paragraphs.split(text) {
        for chunker in chunkers {
            let chunks = chunker.chunks(of: paragraph)
            fuzzCheck(!chunks.isEmpty && chunks.allSatisfy { !$0.isEmpty }, "empty chunk of \(paragraph.debugDescription)")
            fuzzCheck(nonBlankScalars(chunks.joined()) == nonBlankScalars(paragraph), "chunks lost or added text of \(paragraph.debugDescription)")
            fuzzCheck(chunks.allSatisfy { $0.utf8.count <= 2 * chunker.maxBytes }, "an unbounded chunk of \(paragraph.debugDescription)")
            if Chunker.wordCount(paragraph) <= chunker.maxWords, paragraph.utf8.count <= chunker.maxBytes {
                fuzzCheck(chunks == [paragraph], "a short paragraph was cut")
            }
        }
    }
    return 0
}

/// The default chunker and one with a small limit, so that short inputs are cut too.
let chunkers = [Chunker(), Chunker(maxWords: 6)]

/// The characters of `text` that are not white space, in order.
func nonBlank(_ text: some StringProtocol) -> [Character] {
    text.filter { !$0.isWhitespace }
}

/// The text's scalars but white space and combining marks. A combining mark after a space makes one
/// character with it (" ́"), which `Character.isWhitespace` calls white space: a chunk cut at that
/// space parts the two, and the splitter drops such a mark when it opens a sentence (left alone:
/// a mark with no letter to sit on).
func nonBlankScalars(_ text: some StringProtocol) -> [Unicode.Scalar] {
    text.unicodeScalars.filter { scalar in
        !scalar.properties.isWhitespace && ![.nonspacingMark, .enclosingMark, .spacingMark].contains(scalar.properties.generalCategory)
    }
}
