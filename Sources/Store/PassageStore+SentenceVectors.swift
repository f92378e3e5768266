extension PassageStore {
    /// The cosine of `question`, a unit vector of the store's encoder, with each sentence of passage
    /// `doc` (`SentenceVectors`); nil when the store has no sentence vectors for it.
    ///
    /// - Throws: `DatabaseError.corrupt` when the passage's sentence vectors are not of the question's length.
    public func sentenceSimilarities(of doc: Int32, to question: [Float]) throws -> [Double]? {
        try reading {
            let statement = try database.statement("SELECT vectors FROM sentence_vectors WHERE doc = ?")
            try statement.bind(doc)
            guard try statement.step() else { return nil }
            guard let similarities = statement.withBlob(at: 0, { SentenceVectors.similarities(of: $0, to: question) }) else {
                throw DatabaseError(.corrupt, message: "\(database.path) is damaged (the sentence vectors of passage \(doc) are not of the store's length); \(rebuild)")
            }
            return similarities
        }
    }
}
