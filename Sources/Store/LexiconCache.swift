import Foundation
import Retrieval

/// A lexicon's analysis kept in a file between builds: analysing the bundled lexicon takes about
/// 0.25 s of CPU, the same for every build with the same lexicon and analyser, and was most of the
/// build of a small corpus; reading it back takes about 45 ms (docs/PERFORMANCE.md).
///
/// The file is a header — `magic`, the key, the body's length and checksum — and the body
/// (`AnalysedLexicon.archived()`). The key is a hash of the lexicon's bytes, the analyser's
/// version, the build's recipe (`StoreMeta.currentRecipe`) and the stop words, so a changed lexicon,
/// analyser or way of deriving the dictionary is analysed anew. A file that is
/// cut short, changed or of another key is not used. The file is replaced only when it is absent,
/// empty or starts with `magic` — never another file — through a temporary file, fsync and rename
/// (`BuildTarget`); a cache that cannot be written fails nothing.
public struct LexiconCache: Sendable, Equatable {
    /// The cache file's path.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The cache file in `folder`.
    public init(in folder: CacheFolder) {
        path = folder.file("analysed-lexicon")
    }

    /// What every cache file starts with; the digit is the format's version.
    package static let magic = Array("panelist analysed lexicon 1\n".utf8)
    /// The header: magic, key, the body's length and its checksum (16 hex digits each).
    static let headerLength = magic.count + 16 * 3

    /// The key of the lexicon whose file holds `bytes`, analysed by `analyzer`.
    package static func key(ofLexicon bytes: UnsafeRawBufferPointer, analyzer: Analyzer) -> String {
        let analysis = Array("\(StoreMeta.analyzerVersion)\n\(StoreMeta.currentRecipe)\n\(analyzer.stopWords.sorted().joined(separator: " "))".utf8)
        return analysis.withUnsafeBytes { hexDigest(of: bytes, seed: hash(of: $0, seed: 0)) }
    }

    /// A 64-bit hash of `bytes` after `seed`, eight bytes a step: it tells a changed lexicon or a
    /// damaged file (any one changed word changes it), not a forged one; several times as fast as
    /// `ContentHash`'s byte at a time, on the 12 MB a build reads.
    static func hash(of bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var state = seed ^ 0x9e37_79b9_7f4a_7c15
        func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xff51_afd7_ed55_8ccd
            state = (state << 29) | (state >> 35)
        }
        let words = bytes.count / 8
        for index in 0..<words { mix(bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[(words * 8)...].enumerated() { tail |= UInt64(byte) << UInt64(shift * 8) }
        mix(tail ^ UInt64(bytes.count) << 56)
        return state
    }

    /// `hash(of:seed:)` as 16 hex digits.
    static func hexDigest(of bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> String {
        hex(hash(of: bytes, seed: seed))
    }

    /// `value` as 16 hex digits, the width of every field of the header after `magic`.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The analysis kept for `key`, or nil when there is none (no file, another key, a damaged file).
    package func analysis(forKey key: String, analyzer: Analyzer) -> AnalysedLexicon? {
        guard let data = FileManager.default.contents(atPath: path), data.count >= Self.headerLength else { return nil }
        return data.withUnsafeBytes { raw -> AnalysedLexicon? in
            let header = Self.header(key: key, body: UnsafeRawBufferPointer(rebasing: raw[Self.headerLength...]))
            guard raw.prefix(Self.headerLength).elementsEqual(header) else { return nil }
            return AnalysedLexicon(archive: UnsafeRawBufferPointer(rebasing: raw[Self.headerLength...]), analyzer: analyzer)
        }
    }

    /// Keeps `analysis` for `key`, unless the path holds something other than a cache file.
    ///
    /// - Returns: Whether the file was written.
    @discardableResult
    package func keep(_ analysis: AnalysedLexicon, forKey key: String) -> Bool {
        guard holdsNothingOrCache else { return false }
        let body = analysis.archived()
        let header = body.withUnsafeBytes { Self.header(key: key, body: $0) }
        do {
            try BuildTarget(checkedPath: path).replace { temporary in
                guard FileManager.default.createFile(atPath: temporary, contents: Data(header + body)) else {
                    throw DatabaseError(.cannotWrite, message: "cannot write \(temporary)")
                }
            }
            return true
        } catch {
            return false
        }
    }

    /// Whether the path holds nothing, an empty file or a file that starts with `magic`.
    var holdsNothingOrCache: Bool {
        switch StoreFile(at: path) {
        case .absent, .empty: return true
        case .otherFile:
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: Self.magic.count)).map { Array($0) == Self.magic } ?? false
        default: return false
        }
    }

    /// The header of a file of `key` with `body`.
    static func header(key: String, body: UnsafeRawBufferPointer) -> [UInt8] {
        magic + Array(key.utf8) + Array(hex(UInt64(body.count)).utf8) + Array(hexDigest(of: body).utf8)
    }
}
