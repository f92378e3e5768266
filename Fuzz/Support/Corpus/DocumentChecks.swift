@testable import Corpus
import Foundation

/// The loader that every document target uses: the defaults a user gets from `panelist index`.
let fuzzLoader = DocumentLoader()

/// Parses `bytes` as the file `name` and checks the passages a user would index.
///
/// A refused file must be refused with a `CorpusError` that names it; accepted passages are
/// numbered from 1 in order, have distinct ids and hold some text.
func checkPassages(of bytes: [UInt8], name: String) {
    let passages: [Passage]
    do {
        passages = try fuzzLoader.parse(Data(bytes), name: name, path: "/fuzz/\(name)")
    } catch let error as CorpusError {
        fuzzCheck(error.message.contains(name), "error without the file's name: \(error.message)")
        return
    } catch {
        fuzzCheck(false, "error that is not a CorpusError: \(error)")
        return
    }
    var ids = Set<String>()
    for (index, passage) in passages.enumerated() {
        if !name.hasSuffix(".jsonl") {
            fuzzCheck(passage.ordinal == index + 1, "passage \(index) has ordinal \(passage.ordinal)")
        }
        fuzzCheck(!passage.text.trimmingWhitespace().isEmpty, "passage \(passage.ordinal) has no text: \(passage.text.debugDescription)")
        fuzzCheck(ids.insert(passage.id).inserted || name.hasSuffix(".jsonl"), "duplicate id \(passage.id)")
    }
}
