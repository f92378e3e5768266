import Foundation

/// Times the encoder in one process for the benchmark (`scripts/bench_encoder.py`): loading, then
/// single questions one call each, then passages in batches; each part once to warm up, then timed.
public struct EncoderTiming: Sendable, Encodable {
    /// Seconds each call took, the processor time of the whole part (all threads, user and system), and
    /// the tokens it encoded.
    public struct Part: Sendable, Encodable {
        public var seconds: [Double]
        public var cpuSeconds: Double
        public var tokens: Int
        public var texts: Int
    }

    /// Seconds from nothing to a loaded encoder (verification by stamp, memory map, vocabulary, OpenBLAS).
    public var loadSeconds: Double
    /// Seconds of the first single question after loading (weights read from the page cache).
    public var firstSeconds: Double
    /// One sample per question.
    public var single: Part
    /// One sample per batch.
    public var batches: Part
    public var batchSize: Int
    /// The threads OpenBLAS runs on, and its build.
    public var threads: Int
    public var blas: String

    /// Loads the encoder from `files` and times `questions` one at a time and `passages` in batches of
    /// `batchSize`, each after an untimed pass.
    ///
    /// - Throws: `EncoderError` when the model cannot be loaded.
    public static func run(
        files: ModelFiles, questions: [String], passages: [String], batchSize: Int
    ) throws -> EncoderTiming {
        let started = DispatchTime.now().uptimeNanoseconds
        let encoder = try SentenceEncoder(files: files)
        let loadSeconds = seconds(since: started)
        let firstStarted = DispatchTime.now().uptimeNanoseconds
        _ = encoder.embed(questions.first ?? "")
        let firstSeconds = seconds(since: firstStarted)

        /// Each item's wall time after a warm-up pass, and the processor time of the timed pass.
        func timed<Item>(_ items: [Item], _ embed: (Item) -> Void) -> (seconds: [Double], processorSeconds: Double) {
            for item in items { embed(item) }
            var times: [Double] = []
            let processor = processorSeconds()
            for item in items {
                let begun = DispatchTime.now().uptimeNanoseconds
                embed(item)
                times.append(seconds(since: begun))
            }
            return (times, processorSeconds() - processor)
        }
        let (single, singleCPUSeconds) = timed(questions) { _ = encoder.embed($0) }
        let batches = stride(from: 0, to: passages.count, by: batchSize).map {
            Array(passages[$0..<min($0 + batchSize, passages.count)])
        }
        let (batchSeconds, batchCPUSeconds) = timed(batches) { _ = encoder.embed($0) }

        func tokens(_ texts: [String]) -> Int { texts.reduce(0) { $0 + encoder.tokenizer.encode($1).count } }
        return EncoderTiming(
            loadSeconds: loadSeconds, firstSeconds: firstSeconds,
            single: Part(seconds: single, cpuSeconds: singleCPUSeconds, tokens: tokens(questions), texts: questions.count),
            batches: Part(
                seconds: batchSeconds, cpuSeconds: batchCPUSeconds, tokens: tokens(passages), texts: passages.count),
            batchSize: batchSize,
            threads: OpenBLAS.threads, blas: OpenBLAS.configuration)
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The processor time this process has used so far, in all its threads.
    private static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
