@testable import Corpus
import Foundation

/// JSON Lines (`.jsonl`) both ways Panelist reads it: whole, through `DocumentLoader.parse`, and
/// streamed line by line from a file, through `DocumentStream` and `LineReader`. The two must agree,
/// and each line's record must be what `JSONSerialization` reads from it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    checkPassages(of: bytes, name: "fuzz.jsonl")
    checkStreamAgreesWithLoader(bytes)
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        checkRecordAgreesWithFoundation(Array(line))
    }
    return 0
}

/// A scratch file per process, rewritten for every input: the stream reads real files.
let streamFile = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    .appendingPathComponent("panelist-fuzz-\(getpid())/fuzz.jsonl")

/// The streamed read gives the loader's passages, or fails where the loader fails.
func checkStreamAgreesWithLoader(_ bytes: [UInt8]) {
    let whole = Result { try fuzzLoader.parse(Data(bytes), name: "fuzz.jsonl", path: "fuzz.jsonl") }
    var streamed: [Passage] = []
    let stream: Result<String, Error>
    do {
        try FileManager.default.createDirectory(at: streamFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: streamFile)
        let documents = try DocumentStream(paths: [streamFile], loader: fuzzLoader)
        stream = Result { try documents.forEachPassage { streamed.append($0) } }
    } catch {
        fuzzCheck(false, "cannot write the scratch file \(streamFile.path): \(error)")
        return
    }
    switch (whole, stream) {
    case (.success(let passages), .success):
        fuzzCheck(passages == streamed, "streamed passages differ: \(passages) vs \(streamed)")
    case (.success(let passages), .failure(let error as CorpusError)):
        fuzzCheck(passages.isEmpty && error.code == .empty, "the stream failed where the loader did not: \(error)")
    case (.failure(let error as CorpusError), .failure(let streamError as CorpusError)):
        if error.code == .malformed {
            fuzzCheck(streamError.message == error.message, "different errors: \(error) vs \(streamError)")
        }
    case (.failure(let error), .success):
        fuzzCheck(false, "the stream read what the loader refused (\(error)): \(streamed)")
    default:
        fuzzCheck(false, "an error that is not a CorpusError: \(whole) \(stream)")
    }
}

/// `JSONLinesParser.Record.read` reads a line as `JSONSerialization` does.
///
/// Lines `JSONSerialization` would read as UTF-16 or UTF-32, or with a byte order mark, and
/// objects with a repeated member Panelist reads, are left out: there the two may rightly differ.
func checkRecordAgreesWithFoundation(_ line: [UInt8]) {
    guard !line.contains(0), !line.starts(with: [0xEF, 0xBB, 0xBF]) else { return }
    let ours = line.withUnsafeBytes { JSONLinesParser.Record.read($0) }
    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    let keys = ["text", "id", "expert", "role", "question", "source"]
    if ours != nil {
        var seen = Set<String>()
        var repeated = false
        try? line.withUnsafeBytes { bytes in
            try JSONObjectScanner.members(of: bytes) { key, _ in
                if keys.contains(key), !seen.insert(key).inserted { repeated = true }
            }
        }
        if repeated { return }
    }
    guard let object else {
        fuzzCheck(ours == nil, "read a line JSONSerialization refuses: \(String(decoding: line, as: UTF8.self).debugDescription)")
        return
    }
    var theirs: [String: String?] = [:]
    var wrongKind = false
    for key in keys {
        switch object[key] {
        case nil: continue
        case let string as String: theirs[key] = .some(string)
        case is NSNull: theirs[key] = .some(nil)
        default: wrongKind = true
        }
    }
    guard let ours else {
        fuzzCheck(wrongKind, "refused a line JSONSerialization reads: \(String(decoding: line, as: UTF8.self).debugDescription)")
        return
    }
    fuzzCheck(!wrongKind, "read a member that is not a string: \(String(decoding: line, as: UTF8.self).debugDescription)")
    let mine: [String: String?] = ["text": ours.text, "id": ours.id, "expert": ours.expert, "role": ours.role, "question": ours.question, "source": ours.source]
    for key in keys {
        fuzzCheck((theirs[key] ?? nil) == (mine[key] ?? nil), "\(key) read as \(String(describing: mine[key])), JSONSerialization: \(String(describing: theirs[key]))")
    }
}
