import Foundation

/// The passages of files and folders, read one file at a time; JSON Lines files (plain or
/// `.jsonl.gz`) are read one line at a time, so memory does not grow with their size.
///
/// The content hash covers each file's name and its (decompressed) lines, each followed by a newline.
public final class DocumentStream: PassageSequence {
    /// The files to read, as given or found in folders.
    public let files: [URL]
    let loader: DocumentLoader
    let totalBytes: Int64
    private var bytesDone: Int64 = 0
    private var current: LineReader?

    /// Each file's source name and id stem, distinct for files of the same name.
    let names: [DocumentName]

    /// The documents under `paths`; a file given twice (or also found in a given folder) is read once.
    ///
    /// - Throws: `CorpusError.unreadable` when a path does not exist or a folder cannot be read.
    public init(paths: [URL], loader: DocumentLoader = DocumentLoader()) throws {
        self.loader = loader
        var seen: Set<String> = []
        files = try paths.flatMap(loader.documentFiles(at:)).filter { seen.insert($0.resolvingSymlinksInPath().standardizedFileURL.path).inserted }
        names = DocumentName.distinct(for: files)
        totalBytes = files.reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)??.int64Value ?? 0
            return total + size
        }
    }

    public var knownCount: Int? { nil }

    public var fractionRead: Double? {
        guard totalBytes > 0 else { return nil }
        return min(1, Double(bytesDone + (current?.bytesConsumed ?? 0)) / Double(totalBytes))
    }

    /// Reads every file in order, calling `body` with each passage.
    ///
    /// - Throws: `CorpusError` naming the first file that is missing, binary, of an unknown format or
    ///   malformed, or `.empty` when no passage was found; whatever `body` throws.
    public func forEachPassage(_ body: (Passage) throws -> Void) throws -> String {
        var hash = ContentHash()
        var count = 0
        bytesDone = 0
        for (file, name) in zip(files, names) {
            hash.update(Array(file.lastPathComponent.utf8))
            if DocumentLoader.isJSONLines(name.source) {
                count += try streamJSONLines(file, name: name, hash: &hash, body)
            } else {
                let data: Data
                do {
                    data = try Data(contentsOf: file)
                } catch {
                    throw CorpusError(.unreadable, "cannot read \(file.path): \(DocumentLoader.reason(error)); check the path and its permissions")
                }
                hash.update(data)
                let passages = try loader.parse(data, name: name.source, path: file.path, idStem: name.idStem)
                for passage in passages { try body(passage) }
                count += passages.count
                bytesDone += Int64(data.count)
            }
        }
        guard count > 0 else {
            throw CorpusError(.empty, "no passages found in \(files.map(\.path).joined(separator: ", ")); give files in the interview text, Markdown or JSON Lines format (see docs/CORPUS.md)")
        }
        return hash.hexDigest
    }

    private func streamJSONLines(_ file: URL, name: DocumentName, hash: inout ContentHash, _ body: (Passage) throws -> Void) throws -> Int {
        let reader = try LineReader(path: file.path)
        current = reader
        defer {
            bytesDone += reader.fileSize
            current = nil
        }
        var source = name.source
        if source.lowercased().hasSuffix(".gz") { source.removeLast(3) }
        let origin = JSONLinesParser.Origin(source: source, idStem: name.idStem, path: file.path)
        var lineNumber = 0
        var count = 0
        while let line = try reader.nextLine() {
            lineNumber += 1
            hash.update(line)
            hash.update(CollectionOfOne(UInt8(ascii: "\n")))
            guard !JSONLinesParser.isBlank(line) else { continue }
            try body(try line.withUnsafeBytes { try loader.jsonLines.passage(from: $0, line: lineNumber, origin: origin) })
            count += 1
        }
        return count
    }
}
