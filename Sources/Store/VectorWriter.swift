import Corpus
import Encoder

/// The build's last phase: embeds each passage (its question and text, spilled during reading) and
/// stores its vector, and, when the embedder is a `SentenceEmbedder`, the vectors of its sentences.
struct VectorWriter {
    let semantic: SemanticIndexing
    let embedder: any TextEmbedder
    let splitter = SentenceSplitter()

    /// Reads `count` questions and texts back from `spill`, embeds them a batch at a time, and writes
    /// their `QuantizedVector`s under passage numbers 0..<count (and their `SentenceVectors`).
    ///
    /// - Throws: `DatabaseError` when writing fails or the embedder's vectors are not of its length;
    ///   what the embedder throws.
    func write(count: Int, from spill: SpillFile, to database: Database, meter: ProgressMeter) throws {
        try spill.rewindForReading()
        meter.begin()
        let insert = try database.statement("INSERT INTO vectors(doc, vector) VALUES (?, ?)")
        let insertSentences = try database.statement("INSERT INTO sentence_vectors(doc, vectors) VALUES (?, ?)")
        var done = 0
        while done < count {
            let passages = try (done..<min(done + semantic.batchSize, count)).map { _ in (question: try spill.readText(), text: try spill.readText()) }
            let progress = { (inBatch: Int) in
                meter.tick(BuildProgress(phase: .embedding, passages: done + inBatch, total: count, fraction: nil, elapsed: meter.elapsed))
            }
            let vectors: [[Float]]
            let sentenceVectors: [[[Float]]]?
            if let sentenceEmbedder = embedder as? any SentenceEmbedder {
                let embedded = try sentenceEmbedder.embed(
                    passages.map { SentencedText(heading: $0.question, sentences: splitter.split($0.text)) }, progress: progress)
                vectors = embedded.map(\.vector)
                sentenceVectors = embedded.map(\.sentences)
            } else {
                // An embeddings endpoint cannot pool a text's tokens by sentence, and embedding each
                // sentence on its own chose worse sentences than late chunking (docs/RETRIEVAL.md) at
                // several times the requests: its stores choose sentences by words.
                vectors = try embedder.embed(passages.map { SemanticIndexing.text(question: $0.question, answer: $0.text) }, progress: progress)
                sentenceVectors = nil
            }
            guard vectors.count == passages.count, vectors.allSatisfy({ $0.count == embedder.dimensions }) else {
                throw DatabaseError(.sqlite, message: "\(embedder.identifier) returned \(vectors.count) vectors for \(passages.count) texts, or of another length than \(embedder.dimensions); check the embeddings endpoint")
            }
            for (index, vector) in vectors.enumerated() {
                insert.reset()
                try insert.bind(done, QuantizedVector.encode(vector))
                try insert.run()
                if let sentenceVectors {
                    insertSentences.reset()
                    try insertSentences.bind(done, SentenceVectors.encode(sentenceVectors[index]))
                    try insertSentences.run()
                }
                done += 1
            }
            meter.tick(BuildProgress(phase: .embedding, passages: done, total: count, fraction: nil, elapsed: meter.elapsed))
        }
        meter.tick(BuildProgress(phase: .embedding, passages: done, total: count, fraction: nil, elapsed: meter.elapsed), force: true)
    }
}
