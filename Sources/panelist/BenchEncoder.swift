import ArgumentParser
import Encoder
import Foundation

extension Panelist {
    struct BenchEncoder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-encoder",
            abstract: "Time the sentence encoder in one process and print JSON (used by scripts/bench_encoder.py).",
            shouldDisplay: false)

        @Argument(help: "Questions, one per line, embedded one at a time.")
        var questions: String

        @Argument(help: "Passages, one per line, embedded in batches.")
        var passages: String

        @Option(help: "Passages per batch.")
        var batchSize = 32

        @OptionGroup var encoderOptions: EncoderOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            func lines(_ path: String) throws -> [String] {
                try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            }
            let timing = try EncoderTiming.run(
                files: encoderOptions.files, questions: lines(questions), passages: lines(passages),
                batchSize: batchSize)
            try Output.printJSON(timing)
        }
    }
}
