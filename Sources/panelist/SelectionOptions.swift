import ArgumentParser

/// `--k` (or `-k`) and `--expert`: how many passages, and whose, shared by `search`, `ask` and `chat`.
/// Without the short form, `-k 3` after a question's words became part of the question.
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("k", allowingJoined: true), .customLong("k")], help: "How many passages to use.")
    var k = 5

    @Option(help: ArgumentHelp("Only this expert's passages (full name or surname).", valueName: "name"))
    var expert: String?

    func validate() throws {
        guard (1...50).contains(k) else { throw ValidationError("--k must be between 1 and 50") }
    }
}
