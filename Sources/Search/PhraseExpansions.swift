import Retrieval

/// Multi-word expansions ("survived → pull round", "United States → first state") stand for the user's
/// word only where most of the phrase's words are found together.
///
/// The index has no phrases, so an expansion to "pull round" is added as the terms `pull` and `round`
/// (and one to "first state", for a question that already has `state`, as `first` alone); a passage
/// about "new rounds of sanctions" would otherwise match "survived" through `round` alone. A term that
/// only phrases brought (`Query.phrases`) counts in a field only when more than half of its phrase's
/// terms — the user's own included — matched in that field.
enum PhraseExpansions {
    /// Removes from `hit` the contributions of phrases found only in part in a field, and their value from its score.
    static func dropPartialMatches(of query: Query, from hit: inout Hit) {
        // Most hits lose nothing: they are only read, not copied, until one does.
        let partial = hit.contributions.indices.filter { index in
            let contribution = hit.contributions[index]
            guard contribution.origin == .expansion, let phrase = query.phrases[contribution.term] else { return false }
            let found = hit.contributions.filter { $0.field == contribution.field && phrase.contains($0.term) }.count
            return found * 2 <= phrase.count
        }
        guard !partial.isEmpty else { return }
        var score = hit.score
        for index in partial { score -= hit.contributions[index].value }
        hit.score = score
        hit.contributions = hit.contributions.indices.filter { !partial.contains($0) }.map { hit.contributions[$0] }
    }
}
