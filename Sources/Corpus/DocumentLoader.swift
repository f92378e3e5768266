import Foundation

/// The passages read from a set of files, with a hash of everything that was read.
public struct LoadedCorpus: Sendable {
    /// All passages, in the order of the files and, within a file, of the text.
    public var passages: [Passage]
    /// The files that were read, as given or found in folders.
    public var files: [URL]
    /// A hash of the files' names and bytes: equal hashes mean the same input.
    public var contentHash: String

    /// The distinct experts in order of first appearance, with their passages and questions.
    public var experts: [ExpertSummary] {
        var summaries: [ExpertSummary] = []
        var positions: [String: Int] = [:]
        for passage in passages where !passage.expert.isEmpty {
            let position = positions[passage.expert] ?? {
                summaries.append(ExpertSummary(expert: Expert(name: passage.expert, role: passage.role), passages: 0, questions: []))
                positions[passage.expert] = summaries.count - 1
                return summaries.count - 1
            }()
            summaries[position].passages += 1
            if !passage.question.isEmpty, !summaries[position].questions.contains(passage.question) {
                summaries[position].questions.append(passage.question)
            }
        }
        return summaries
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
/// Formats by file name: `.txt` (the interview format), `.md`/`.markdown`, `.jsonl`/`.ndjson`.
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

    /// Reads every document under `paths`.
    ///
    /// - Parameter paths: Files and folders.
    /// - Returns: The passages and what was read.
    /// - Throws: `CorpusError` naming the first file that is missing, binary, of an unknown
    ///   format or malformed, or `.empty` when no passage was found at all.
    public func load(_ paths: [URL]) throws -> LoadedCorpus {
        let files = try paths.flatMap(documentFiles(at:))
        var passages: [Passage] = []
        var hash = ContentHash()
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: file)
            } catch {
                throw CorpusError(.unreadable, "cannot read \(file.path): \(Self.reason(error)); check the path and its permissions")
            }
            hash.update(fileNamed: file.lastPathComponent, contents: Array(data))
            passages += try parse(data, name: file.lastPathComponent, path: file.path)
        }
        guard !passages.isEmpty else {
            throw CorpusError(.empty, "no passages found in \(paths.map(\.path).joined(separator: ", ")); give files in the interview text, Markdown or JSON Lines format (see docs/CORPUS.md)")
        }
        return LoadedCorpus(passages: passages, files: files, contentHash: hash.hexDigest)
    }

    /// Parses one document's bytes according to its file name.
    ///
    /// - Parameters:
    ///   - data: The document's bytes.
    ///   - name: Its file name, which selects the format and becomes the passages' source.
    ///   - path: The path used in error messages.
    /// - Returns: The document's passages.
    /// - Throws: `CorpusError` when the bytes are not UTF-8 text or do not parse.
    public func parse(_ data: Data, name: String, path: String) throws -> [Passage] {
        let fileExtension = Self.fileExtension(of: name)
        guard Self.supportedExtensions.contains(fileExtension) else {
            throw CorpusError(.unsupportedFormat, "\(path): unsupported file type '.\(fileExtension)'; Panelist reads .txt interviews, .md Markdown and .jsonl JSON Lines (see docs/CORPUS.md)")
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(.notText, "\(path): not UTF-8 text (binary file?); convert it to UTF-8 text or leave it out")
        }
        switch fileExtension {
        case "md", "markdown": return markdown.passages(in: text, source: name)
        case "jsonl", "ndjson": return try jsonLines.passages(in: data, source: name)
        default: return interviews.passages(in: text, source: name)
        }
    }

    func documentFiles(at url: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CorpusError(.unreadable, "\(url.path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [url] }
        guard let enumerator = FileManager.default.enumerator(
            at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw CorpusError(.unreadable, "cannot list folder \(url.path); check its permissions")
        }
        var files: [URL] = []
        for case let file as URL in enumerator
        where Self.supportedExtensions.contains(Self.fileExtension(of: file.lastPathComponent)) {
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
