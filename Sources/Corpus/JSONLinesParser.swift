import Foundation

/// Reads JSON Lines bulk files: one object a line with `text` and optional metadata.
///
/// Each non-blank line is an object with a string `text` and, optionally, `id`, `expert`,
/// `role`, `question` and `source` (strings or null); other members are ignored. A missing `id`
/// becomes `<file stem>:<line number>`.
public struct JSONLinesParser: Sendable {
    /// The members of one line that make a passage.
    struct Record {
        var text: String?
        var id: String?
        var expert: String?
        var role: String?
        var question: String?
        var source: String?

        /// The record of the JSON object `line`, or nil when it is not one or a member it reads
        /// is neither a string nor null.
        static func read(_ line: UnsafeRawBufferPointer) -> Record? {
            var record = Record()
            var wrongKind = false
            do {
                try JSONObjectScanner.members(of: line) { key, value in
                    let member: WritableKeyPath<Record, String?>
                    switch key {
                    case "text": member = \.text
                    case "id": member = \.id
                    case "expert": member = \.expert
                    case "role": member = \.role
                    case "question": member = \.question
                    case "source": member = \.source
                    default: return
                    }
                    switch value {
                    case .string(let string): record[keyPath: member] = string
                    case .null: record[keyPath: member] = nil
                    case .other: wrongKind = true
                    }
                }
            } catch {
                return nil
            }
            return wrongKind ? nil : record
        }
    }

    public init() {}

    /// The passages of a JSON Lines document.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file name, the default source.
    ///   - idStem: What default ids start with (default: `source`'s stem).
    ///   - path: The file's path, named in messages (default: `source`).
    /// - Returns: One passage per line, in order.
    /// - Throws: `CorpusError.malformed` naming the file and line of the first bad record.
    public func passages(in data: Data, source: String, idStem: String? = nil, path: String? = nil) throws -> [Passage] {
        var passages: [Passage] = []
        var lineNumber = 0
        let origin = Origin(source: source, idStem: idStem ?? PassageBuilder.stem(of: source), path: path ?? source)
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !Self.isBlank(line) else { continue }
            passages.append(try line.withUnsafeBytes { try passage(from: $0, line: lineNumber, origin: origin) })
        }
        return passages
    }

    /// Where a JSON Lines file's records come from: their default source and id stem, and the
    /// path that messages name.
    struct Origin {
        var source: String
        var idStem: String
        var path: String
    }

    /// Whether `line` has nothing but spaces, tabs and carriage returns.
    static func isBlank(_ line: some Collection<UInt8>) -> Bool {
        !line.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }
    }

    /// One passage from one JSON line.
    func passage(from line: UnsafeRawBufferPointer, line lineNumber: Int, origin: Origin) throws -> Passage {
        // A byte order mark may open the file (Windows tools write one); it is not part of the object.
        let line = lineNumber == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeRawBufferPointer(rebasing: line.dropFirst(3)) : line
        guard let record = Record.read(line), let text = record.text else {
            throw CorpusError(.malformed, "\(origin.path):\(lineNumber): not a JSON object with a string \"text\" field; fix or remove that line")
        }
        guard !text.removingControlCharacters().trimmingWhitespace().isEmpty else {
            throw CorpusError(.malformed, "\(origin.path):\(lineNumber): \"text\" is empty; fix or remove that line")
        }
        let roleAndExpert = record.expert.map(Expert.parse(line:))
        return Passage(
            id: record.id ?? "\(origin.idStem):\(lineNumber)",
            expert: roleAndExpert?.name ?? "",
            role: record.role ?? roleAndExpert?.role ?? "",
            question: record.question ?? "",
            text: text,
            source: record.source ?? origin.source,
            ordinal: lineNumber)
    }
}
