import Answering
import ArgumentParser
import Encoder
import Foundation

extension Panelist {
    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the sentence embedding of each text (all-MiniLM-L6-v2, 384 numbers).",
            discussion:
                "With no TEXT, reads texts from standard input, one per line. Each text gives one line of 384 space-separated numbers, or with --json one JSON object per line."
        )

        @Argument(help: "The texts to embed.")
        var texts: [String] = []

        @Flag(help: "Print one JSON object per text: text, model, encoder, dimensions, tokens, truncated, embedding.")
        var json = false

        @OptionGroup var encoderOptions: EncoderOptions

        /// Texts read from standard input are embedded this many at a time.
        static let batchSize = 64

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if texts.isEmpty && isatty(FileHandle.standardInput.fileDescriptor) != 0 {
                throw ValidationError("Give one or more texts, or pipe texts on standard input, one per line.")
            }
        }

        func run() throws {
            let encoder = try SentenceEncoder(files: encoderOptions.files)
            if !texts.isEmpty {
                try emit(EmbeddingOutput.make(texts, encoder: encoder))
                return
            }
            var batch: [String] = []
            while let line = readLine(strippingNewline: true) {
                batch.append(line)
                if batch.count == Self.batchSize {
                    try emit(EmbeddingOutput.make(batch, encoder: encoder))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try emit(EmbeddingOutput.make(batch, encoder: encoder))
        }

        private func emit(_ outputs: [EmbeddingOutput]) throws {
            for output in outputs {
                if json {
                    try Output.printJSON(output)
                } else {
                    print(output.line)
                }
            }
        }
    }
}
