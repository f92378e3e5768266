import Foundation
import ArgumentParser

/// The question (or query) of `ask` and `search`: one argument or several words, which may start
/// with "-" ("-5% growth…") without being taken for an option.
struct QuestionWords: ParsableArguments {
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The question: one argument, or several words.", valueName: "question"))
    var words: [String] = []

    /// The words as typed, joined by spaces.
    var text: String { words.joined(separator: " ") }

    func validate() throws {
        guard !words.isEmpty else {
            throw ValidationError("Missing the question, e.g. panelist ask \"What does Gabuev say about sanctions?\"")
        }
        // A word that looks like a long option was most likely a mistyped one ("--jsno").
        if let option = words.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }) {
            throw ValidationError("Unknown option '\(option)'")
        }
    }
}
