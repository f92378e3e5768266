import Foundation

/// How a document is named in its passages: the source they show and the stem of their ids.
///
/// A file is named by its file name ("x.txt", ids "x:1", "x:2" …). Files that would share an id
/// stem — `a/x.txt` and `b/x.txt`, or `x.txt` and `x.md` — are named by the shortest end of
/// their paths that tells them apart ("a/x.txt", "b/x.txt"), which is also their id stem, so
/// every passage id of a build is distinct.
struct DocumentName: Equatable {
    var source: String
    var idStem: String

    /// The names of `files` (distinct files, in order).
    static func distinct(for files: [URL]) -> [DocumentName] {
        let stems = files.map { PassageBuilder.stem(of: $0.lastPathComponent) }
        var shared: [String: [Int]] = [:]
        for (index, stem) in stems.enumerated() { shared[stem, default: []].append(index) }
        var names = zip(files, stems).map { DocumentName(source: $0.lastPathComponent, idStem: $1) }
        for group in shared.values where group.count > 1 {
            let components = group.map { files[$0].standardizedFileURL.pathComponents }
            let longest = components.map(\.count).max() ?? 1
            let length = (1...longest).first { length in
                Set(components.map { $0.suffix(length) }).count == group.count
            } ?? longest
            for (index, parts) in zip(group, components) {
                let label = parts.suffix(length).joined(separator: "/")
                names[index] = DocumentName(source: label, idStem: label)
            }
        }
        return names
    }
}
