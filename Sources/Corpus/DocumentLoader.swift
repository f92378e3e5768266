import Foundation

/// The passages read from a set of files, with a hash of everything that was read.
public struct LoadedCorpus: Sendable {
    /// All passages, in the order of the files and, within a file, of the text.
    public var passages: [Passage]
    /// The files that were read, as given or found in folders.
    public var files: [URL]
    /// A hash of the files' names and bytes: equal hashes mean the same input.
    public var contentHash: String

    /// A corpus of `passages` read from `files`, whose input hashes to `contentHash`.
    public init(passages: [Passage], files: [URL], contentHash: String) {
        self.passages = passages
        self.files = files
        self.contentHash = contentHash
    }

    /// The distinct experts in order of first appearance, with their passages and questions.
    public var experts: [ExpertSummary] {
        var tally = ExpertTally()
        for passage in passages { tally.add(passage) }
        return tally.summaries
    }
}

/// An expert of a corpus with how many passages they have and the questions they answer.
public struct ExpertSummary: Sendable, Equatable {
    public var expert: Expert
    public var passages: Int
    /// The distinct questions the expert answers, in order.
    public var questions: [String]

    public init(expert: Expert, passages: Int, questions: [String]) {
        self.expert = expert
        self.passages = passages
        self.questions = questions
    }
}

/// Reads files and folders of documents in any supported format into passages.
///
/// Formats by file name: `.txt` (the interview format), `.md`/`.markdown`, `.jsonl`/`.ndjson`
/// (also gzip-compressed, `.jsonl.gz`, read as a stream).
/// Folders are searched recursively for those; hidden files and other extensions there are
/// skipped, but a file named explicitly must be of a supported format. Nothing is returned
/// unless every file parsed.
public struct DocumentLoader: Sendable {
    let interviews: InterviewParser
    let markdown: MarkdownParser
    let jsonLines = JSONLinesParser()

    public init(chunker: Chunker = Chunker()) {
        interviews = InterviewParser(chunker: chunker)
        markdown = MarkdownParser(chunker: chunker)
    }

    /// The extensions Panelist reads.
    public static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "jsonl", "ndjson"]

    /// Whether `name` is a JSON Lines file, plain or gzip-compressed (`.jsonl.gz`), which is read line by line.
    public static func isJSONLines(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return [".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"].contains { lowered.hasSuffix($0) }
    }

    /// Reads every document under `paths`.
    ///
    /// - Parameter paths: Files and folders.
    /// - Returns: The passages and what was read.
    /// - Throws: `CorpusError` naming the first file that is missing, binary, of an unknown
    ///   format or malformed, or `.empty` when no passage was found at all.
    public func load(_ paths: [URL]) throws -> LoadedCorpus {
        let stream = try DocumentStream(paths: paths, loader: self)
        var passages: [Passage] = []
        let hash = try stream.forEachPassage { passages.append($0) }
        return LoadedCorpus(passages: passages, files: stream.files, contentHash: hash)
    }

    /// Parses one document's bytes according to its file name.
    ///
    /// - Parameters:
    ///   - data: The document's bytes.
    ///   - name: Its file name, which selects the format and becomes the passages' source.
    ///   - path: The path used in error messages.
    ///   - idStem: What the passages' ids start with (default: `name`'s stem).
    /// - Returns: The document's passages.
    /// - Throws: `CorpusError` when the bytes are not UTF-8 text or do not parse.
    public func parse(_ data: Data, name: String, path: String, idStem: String? = nil) throws -> [Passage] {
        let fileExtension = Self.fileExtension(of: name)
        guard Self.supportedExtensions.contains(fileExtension) else {
            throw CorpusError(.unsupportedFormat, "\(path): unsupported file type '.\(fileExtension)'; Panelist reads .txt interviews, .md Markdown and .jsonl JSON Lines (see docs/CORPUS.md)")
        }
        guard !data.contains(0), var text = String(data: data, encoding: .utf8) else {
            throw CorpusError(.notText, "\(path): not UTF-8 text (binary file?); convert it to UTF-8 text or leave it out")
        }
        // A byte order mark (Windows editors write one) is not part of the first paragraph.
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        switch fileExtension {
        case "md", "markdown": return markdown.passages(in: text, source: name, idStem: idStem)
        case "jsonl", "ndjson": return try jsonLines.passages(in: data, source: name, idStem: idStem, path: path)
        default: return interviews.passages(in: text, source: name, idStem: idStem)
        }
    }

    /// The documents at `url`: the file itself, or the supported files under a folder, sorted.
    ///
    /// - Throws: `CorpusError.unreadable` when the path or any folder under it cannot be read,
    ///   rather than building a store from part of the corpus.
    func documentFiles(at url: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CorpusError(.unreadable, "\(url.path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [url] }
        var files: [URL] = []
        var folders = [url]
        while let folder = folders.popLast() {
            let entries: [URL]
            do {
                entries = try FileManager.default.contentsOfDirectory(
                    at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
            } catch {
                throw CorpusError(.unreadable, "cannot list folder \(folder.path) (\(Self.reason(error))); fix its permissions or leave it out")
            }
            for entry in entries {
                let values = try? entry.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
                if values?.isDirectory == true, values?.isSymbolicLink != true {
                    folders.append(entry)
                } else if Self.supportedExtensions.contains(Self.fileExtension(of: entry.lastPathComponent)) || Self.isJSONLines(entry.lastPathComponent) {
                    files.append(entry)
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// What went wrong in a Foundation file error, in words: the underlying error's, when there is one.
    package static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
