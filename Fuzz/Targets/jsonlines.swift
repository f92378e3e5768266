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
    let whole = Result { try fuzzLoader.parse(Data(bytes), name: "fuzz.jsonl", path: streamFile.path) }
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
/// Where the two may rightly differ, the line is left out: lines `JSONSerialization` would read as
/// UTF-16 or UTF-32, or with a byte order mark; objects with a repeated member Panelist reads;
/// trailing commas, which `JSONSerialization` accepts and RFC 8259 does not; numbers beyond a
/// `Double`, which it refuses and RFC 8259 allows.
func checkRecordAgreesWithFoundation(_ line: [UInt8]) {
    guard !line.contains(0), !line.starts(with: [0xEF, 0xBB, 0xBF]), !hasHugeNumber(line) else { return }
    let ours = line.withUnsafeBytes { JSONLinesParser.Record.read($0) }
    let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
    let keys = ["text", "id", "expert", "role", "question", "source"]
    var seen = Set<String>()
    var repeated = false
    try? line.withUnsafeBytes { bytes in
        try JSONObjectScanner.members(of: bytes) { key, _ in
            if keys.contains(key), !seen.insert(key).inserted { repeated = true }
        }
    }
    if repeated { return }
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
        if let offset = malformedOffset(line), isTrailingComma(line, at: offset) { return }
        fuzzCheck(wrongKind, "refused a line JSONSerialization reads: \(String(decoding: line, as: UTF8.self).debugDescription)")
        return
    }
    fuzzCheck(!wrongKind, "read a member that is not a string: \(String(decoding: line, as: UTF8.self).debugDescription)")
    let mine: [String: String?] = ["text": ours.text, "id": ours.id, "expert": ours.expert, "role": ours.role, "question": ours.question, "source": ours.source]
    for key in keys {
        fuzzCheck((theirs[key] ?? nil) == (mine[key] ?? nil), "\(key) read as \(String(describing: mine[key])), JSONSerialization: \(String(describing: theirs[key]))")
    }
}

/// Where `JSONObjectScanner` stopped in `line`, or nil when it read the line.
func malformedOffset(_ line: [UInt8]) -> Int? {
    line.withUnsafeBytes { bytes in
        do {
            try JSONObjectScanner.members(of: bytes) { _, _ in }
            return nil
        } catch let error as JSONObjectScanner.Malformed {
            return error.offset
        } catch {
            return nil
        }
    }
}

/// Whether the byte at `offset` closes an object or array right after a comma.
func isTrailingComma(_ line: [UInt8], at offset: Int) -> Bool {
    guard offset < line.count, line[offset] == UInt8(ascii: "}") || line[offset] == UInt8(ascii: "]") else { return false }
    let before = line[..<offset].last { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }
    return before == UInt8(ascii: ",")
}

/// Whether `line` has an exponent of three or more digits, or a run of 300 digits: a number
/// `JSONSerialization` may find out of range.
func hasHugeNumber(_ line: [UInt8]) -> Bool {
    var digits = 0
    var afterExponent = false
    for byte in line {
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            digits += 1
            if digits >= 300 || (afterExponent && digits >= 3) { return true }
        } else {
            afterExponent = (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && digits > 0
                || (afterExponent && digits == 0 && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")))
            digits = 0
        }
    }
    return false
}
