import Corpus
import Retrieval

/// Finds the experts a question names: by full name or by surname, in any case or accents.
///
/// "What does Gabuev say about sanctions?", "According to Dmitri Trenin, …" and "Baunov’s view"
/// all name an expert. A first name shared by several experts names nobody.
public struct ExpertMention: Sendable {
    let analyzer: Analyzer

    public init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    /// The experts a question names, and the folded words that named them.
    ///
    /// - Parameters:
    ///   - tokens: The question's tokens (`Analyzer.tokens`).
    ///   - experts: The corpus's experts.
    /// - Returns: The named experts in corpus order, and the words to leave out of the query.
    public func find(in tokens: [Token], among experts: [Expert]) -> (experts: [Expert], words: Set<String>) {
        let wordSet = Set(tokens.map(\.word))
        var named: [Expert] = []
        var nameWords: Set<String> = []
        for expert in experts {
            let parts = expert.name.split(separator: " ").map { analyzer.fold(String($0)) }.filter { !$0.isEmpty }
            guard let surname = parts.last else { continue }
            if wordSet.contains(surname) {
                named.append(expert)
                nameWords.formUnion(parts.filter(wordSet.contains))
            }
        }
        return (named, nameWords)
    }
}
