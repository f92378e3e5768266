import Encoder
import Foundation

/// The vectors of recent questions, kept so that a question asked again — a chat front end's
/// suggested question, a retry, many users asking the same thing — costs no encoder pass: the
/// encoder's ~7 ms of processor time per question is most of what a request with meaning costs.
///
/// Bounded (`capacity` vectors, 1.5 MB for 1,024 of 384 dimensions); when full, the least recently
/// used half is dropped. A text's vector is the same whether it comes from here or from the
/// embedder, so answers do not depend on what is cached. Texts embedded together (a store's build)
/// pass straight through.
final class EmbeddingCache: TextEmbedder, @unchecked Sendable {
    // Invariant: `entries` and `clock` are read and written only while `lock` is held.
    private let lock = NSLock()
    private var entries: [String: (vector: [Float], used: Int)] = [:]
    private var clock = 0
    let embedder: any TextEmbedder
    let capacity: Int

    init(_ embedder: any TextEmbedder, capacity: Int = 1_024) {
        self.embedder = embedder
        self.capacity = max(2, capacity)
    }

    var identifier: String { embedder.identifier }
    var dimensions: Int { embedder.dimensions }

    /// How many vectors are kept now.
    var count: Int { lock.withLock { entries.count } }

    func embed(_ texts: [String], progress: (_ done: Int) throws -> Void) throws -> [[Float]] {
        guard texts.count == 1, let text = texts.first else { return try embedder.embed(texts, progress: progress) }
        if let vector = lock.withLock({ () -> [Float]? in
            clock += 1
            entries[text]?.used = clock
            return entries[text]?.vector
        }) {
            try progress(1)
            return [vector]
        }
        let vectors = try embedder.embed(texts, progress: progress)
        lock.withLock {
            if entries.count >= capacity {
                let kept = entries.sorted { $0.value.used > $1.value.used }.prefix(capacity / 2)
                entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
            }
            clock += 1
            entries[text] = (vectors[0], clock)
        }
        return vectors
    }
}
