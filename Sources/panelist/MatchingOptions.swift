import Answering
import ArgumentParser

/// `--literal`: search only the words typed, shared by `search` and `bench-queries`.
struct MatchingOptions: ParsableArguments {
    @Flag(help: "Search only the words typed, by plain TF-IDF cosine: no synonyms, aliases, spelling corrections or topic coordination.")
    var literal = false

    /// The retrieval settings the flag asks for.
    var settings: RetrievalSettings {
        var settings = RetrievalSettings()
        if literal {
            settings.lexicalExpansion = false
            settings.typoTolerance = false
            settings.coordination = 0
        }
        return settings
    }
}
