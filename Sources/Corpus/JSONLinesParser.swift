import Foundation

/// Reads JSON Lines bulk files: one object a line with `text` and optional metadata.
///
/// Each non-blank line is an object with a string `text` and, optionally, `id`, `expert`,
/// `role`, `question` and `source`. A missing `id` becomes `<file stem>:<line number>`.
public struct JSONLinesParser: Sendable {
    struct Record: Decodable {
        var text: String
        var id: String?
        var expert: String?
        var role: String?
        var question: String?
        var source: String?
    }

    public init() {}

    /// The passages of a JSON Lines document.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The file name, used in messages and as the default source.
    /// - Returns: One passage per line, in order.
    /// - Throws: `CorpusError.malformed` naming the file and line of the first bad record.
    public func passages(in data: Data, source: String) throws -> [Passage] {
        var passages: [Passage] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            passages.append(try passage(from: Data(line), line: lineNumber, source: source, decoder: decoder))
        }
        return passages
    }

    /// One passage from one JSON line.
    func passage(from line: Data, line lineNumber: Int, source: String, decoder: JSONDecoder) throws -> Passage {
        let record: Record
        do {
            record = try decoder.decode(Record.self, from: line)
        } catch {
            throw CorpusError(.malformed, "\(source):\(lineNumber): not a JSON object with a string \"text\" field; fix or remove that line")
        }
        guard !record.text.trimmingWhitespace().isEmpty else {
            throw CorpusError(.malformed, "\(source):\(lineNumber): \"text\" is empty; fix or remove that line")
        }
        let roleAndExpert = record.expert.map(Expert.parse(line:))
        return Passage(
            id: record.id ?? PassageBuilder.id(source: source, ordinal: lineNumber),
            expert: roleAndExpert?.name ?? "",
            role: record.role ?? roleAndExpert?.role ?? "",
            question: record.question ?? "",
            text: record.text,
            source: record.source ?? source,
            ordinal: lineNumber)
    }
}
