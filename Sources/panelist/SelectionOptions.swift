import ArgumentParser

/// `--k` and `--expert`: how many passages, and whose, shared by `search`, `ask` and `chat`.
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("k"), help: "How many passages to use.")
    var k = 5

    @Option(help: ArgumentHelp("Only this expert's passages (full name or surname).", valueName: "name"))
    var expert: String?

    func validate() throws {
        guard (1...50).contains(k) else { throw ValidationError("--k must be between 1 and 50") }
    }
}
