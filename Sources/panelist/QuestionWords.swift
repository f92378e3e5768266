import ArgumentParser
import Foundation

/// The question (or query) of `ask` and `search`: one argument, several words (which may start
/// with "-", as in "-5% growth…", without being taken for an option), or standard input — `-`, or
/// no words with input from a pipe or file.
struct QuestionWords: ParsableArguments {
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp(
            "The question: one argument, several words, or - (or nothing, with a pipe) to read it from standard input.",
            valueName: "question"))
    var words: [String] = []

    /// The words without the `--` that ends options (`DashedWords` adds one; `.allUnrecognized` keeps it).
    private var given: [String] { words.filter { $0 != "--" } }

    /// Whether the question comes from standard input.
    var fromStandardInput: Bool {
        given == ["-"] || (given.isEmpty && isatty(STDIN_FILENO) == 0)
    }

    func validate() throws {
        guard !given.isEmpty || isatty(STDIN_FILENO) == 0 else {
            throw ValidationError("Missing the question, e.g. panelist ask \"What does Gabuev say about sanctions?\", or pipe it in: echo \"…\" | panelist ask")
        }
        // A word that looks like a long option was most likely a mistyped one ("--jsno").
        if let option = given.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }) {
            throw ValidationError("Unknown option '\(option)'")
        }
    }

    /// The question: the words joined by spaces, or standard input with its lines joined.
    ///
    /// - Throws: `ValidationError` when standard input holds no question.
    func text() throws -> String {
        guard fromStandardInput else { return given.joined(separator: " ") }
        let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let question = input.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard !question.isEmpty else {
            throw ValidationError("Standard input held no question; pipe one in, e.g. echo \"What does Gabuev say about sanctions?\" | panelist ask")
        }
        return question
    }
}
