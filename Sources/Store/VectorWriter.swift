import Encoder

/// The build's last phase: embeds each passage's text (spilled during reading) and stores its vector.
struct VectorWriter {
    let semantic: SemanticIndexing
    let embedder: any TextEmbedder

    /// Reads `count` texts back from `spill`, embeds them a batch at a time, and writes their
    /// `QuantizedVector`s under passage numbers 0..<count.
    ///
    /// - Throws: `DatabaseError` when writing fails or the embedder's vectors are not of its length;
    ///   what the embedder throws.
    func write(count: Int, from spill: SpillFile, to database: Database, meter: ProgressMeter) throws {
        try spill.rewindForReading()
        meter.begin()
        let insert = try database.statement("INSERT INTO vectors(doc, vector) VALUES (?, ?)")
        var done = 0
        while done < count {
            let texts = try (done..<min(done + semantic.batchSize, count)).map { _ in try spill.readText() }
            let vectors = try embedder.embed(texts) { inBatch in
                meter.tick(BuildProgress(phase: .embedding, passages: done + inBatch, total: count, fraction: nil, elapsed: meter.elapsed))
            }
            guard vectors.count == texts.count, vectors.allSatisfy({ $0.count == embedder.dimensions }) else {
                throw DatabaseError(.sqlite, message: "\(embedder.identifier) returned \(vectors.count) vectors for \(texts.count) texts, or of another length than \(embedder.dimensions); check the embeddings endpoint")
            }
            for vector in vectors {
                insert.reset()
                try insert.bind(done, QuantizedVector.encode(vector))
                try insert.run()
                done += 1
            }
            meter.tick(BuildProgress(phase: .embedding, passages: done, total: count, fraction: nil, elapsed: meter.elapsed))
        }
        meter.tick(BuildProgress(phase: .embedding, passages: done, total: count, fraction: nil, elapsed: meter.elapsed), force: true)
    }
}
