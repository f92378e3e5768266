import Bundled
import Store

/// How the chat's welcome line names a corpus: "default (carnegie-moscow-experts.txt)", "work (notes.md, talks)".
enum CorpusDescription {
    static func of(_ store: PassageStore, label: String) -> String {
        if store.origin == StoreMeta.bundledOrigin { return "\(label) (\(BundledCorpus.fileName))" }
        let sources = store.origin.split(separator: "\n").map { String($0.split(separator: "/").last ?? $0) }
        return sources.isEmpty ? label : "\(label) (\(sources.joined(separator: ", ")))"
    }
}
