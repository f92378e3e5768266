import Answering
import ArgumentParser
import Search

/// `--literal`: search only the words typed, shared by `search` and `bench-queries`.
struct MatchingOptions: ParsableArguments {
    @Flag(help: "Search only the words typed: no synonyms, aliases or spelling corrections, and common words such as \"will\" kept.")
    var literal = false

    /// The retrieval settings the flag asks for.
    var settings: RetrievalSettings {
        var settings = RetrievalSettings()
        if literal {
            settings.lexicalExpansion = false
            settings.typoTolerance = false
            settings.genericWordWeight = 1
        }
        return settings
    }
}
