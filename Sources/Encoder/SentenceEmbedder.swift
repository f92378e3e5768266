/// A text given as a heading and its sentences: a passage's question and the sentences of its answer.
/// The text is the heading, then the sentences, separated by white space.
public struct SentencedText: Sendable, Equatable {
    public var heading: String
    public var sentences: [String]

    public init(heading: String, sentences: [String]) {
        self.heading = heading
        self.sentences = sentences
    }
}

/// A text's vector and one for each of its sentences, in order.
public struct SentencedEmbedding: Sendable {
    /// The vector of the text's sentences, pooled over their tokens, which have seen the heading; the
    /// whole text's when it has no heading or no sentence fits in the token limit.
    public var vector: [Float]
    public var sentences: [[Float]]
}

/// An embedder that gives the sentences of a text vectors of their own while it embeds the text, so
/// that sentences can be compared with a question without being embedded at question time.
public protocol SentenceEmbedder: TextEmbedder {
    /// The vector of each text and of each of its sentences, in order, calling `progress` with the
    /// number of texts done from time to time.
    ///
    /// - Throws: what `progress` throws, or why the vectors could not be made.
    func embed(_ texts: [SentencedText], progress: (_ done: Int) throws -> Void) throws -> [SentencedEmbedding]
}

extension SentenceEncoder: SentenceEmbedder {
    /// Late chunking: each text is encoded once, and each sentence's vector pooled over its own tokens,
    /// which have seen the whole passage. A sentence that does not fit wholly in the text's 254 pieces
    /// is encoded on its own. The text's vector is pooled over its sentences' tokens: the heading gives
    /// them context but no weight of its own, so a question about one of the answer's points is not
    /// drowned by a heading on another (measured in docs/RETRIEVAL.md); without a heading it is the
    /// joined text's vector, as `embed(_:)` gives it.
    public func embed(_ texts: [SentencedText], progress: (_ done: Int) throws -> Void) rethrows -> [SentencedEmbedding] {
        let window = tokenizer.maximumLength - 2
        func pieces(_ text: String) -> ArraySlice<Int32> { tokenizer.encode(text).dropFirst().dropLast() }
        var sequences: [(ids: [Int32], spans: [Range<Int>])] = []
        /// Per text, whether each sentence has a span in it.
        var inWindow: [[Bool]] = []
        /// Per text, whether its vector is the pool of its answer's tokens (the last span).
        var answerPooled: [Bool] = []
        for text in texts {
            var ids = [tokenizer.vocabulary.classification] + pieces(text.heading)
            let answerStart = ids.count
            var spans: [Range<Int>] = []
            var fits: [Bool] = []
            for sentence in text.sentences {
                let sentencePieces = pieces(sentence)
                let span = ids.count..<(ids.count + sentencePieces.count)
                ids += sentencePieces
                fits.append(!span.isEmpty && span.upperBound <= window + 1)
                if fits.last == true { spans.append(span) }
            }
            // The answer's tokens in the window, pooled last as the text's vector.
            let answerEnd = min(ids.count, window + 1)
            let pooledAnswer = answerStart > 1 && answerStart < answerEnd
            if pooledAnswer { spans.append(answerStart..<answerEnd) }
            sequences.append((Array(ids.prefix(window + 1)) + [tokenizer.vocabulary.separator], spans))
            inWindow.append(fits)
            answerPooled.append(pooledAnswer)
        }
        let encoded = try embedInParts(count: texts.count, tokens: { sequences[$0] }, progress: progress)
        let outside = zip(texts, inWindow).flatMap { text, fits in zip(text.sentences, fits).filter { !$0.1 }.map(\.0) }
        var alone = embed(outside).makeIterator()
        return encoded.indices.map { index in
            let result = encoded[index]
            var inside = result.spans.makeIterator()
            let sentences = inWindow[index].map { ($0 ? inside.next() : alone.next()).unsafelyUnwrapped }
            return SentencedEmbedding(vector: answerPooled[index] ? result.spans[result.spans.count - 1] : result.vector, sentences: sentences)
        }
    }
}
