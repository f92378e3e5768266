import Answering
import Retrieval
import Store

/// One configuration of the retrieval techniques, for `eval --compare`.
public struct Variant: Sendable {
    public var name: String
    public var settings: RetrievalSettings
    public var weights: FieldWeights

    /// Everything on, then each technique switched off in turn.
    public static let all: [Variant] = {
        let full = Variant(name: "all techniques", settings: RetrievalSettings(), weights: FieldWeights())
        var noLexicon = full
        noLexicon.name = "without WordNet expansion"
        noLexicon.settings.lexicalExpansion = false
        var noTypos = full
        noTypos.name = "without typo/name variants"
        noTypos.settings.typoTolerance = false
        var noCoordination = full
        noCoordination.name = "without topic coordination"
        noCoordination.settings.coordination = 0
        var noPhrases = full
        noPhrases.name = "without phrase matching"
        noPhrases.settings.phraseMatching = false
        var genericWords = full
        genericWords.name = "keeping generic words"
        genericWords.settings.dropsGenericWords = false
        var noQuestion = full
        noQuestion.name = "without question field"
        noQuestion.weights.question = 0
        var noExpert = full
        noExpert.name = "without expert field"
        noExpert.weights.expert = 0
        var literal = full
        literal.name = "plain TF-IDF (text only)"
        literal.settings.lexicalExpansion = false
        literal.settings.typoTolerance = false
        literal.settings.dropsGenericWords = false
        literal.settings.coordination = 0
        literal.weights.question = 0
        literal.weights.expert = 0
        return [full, noLexicon, noTypos, noCoordination, noPhrases, genericWords, noQuestion, noExpert, literal]
    }()
}

/// Runs an evaluation set once per variant on the same store.
public enum Ablation {
    /// The in-scope and out-of-scope figures of each variant.
    ///
    /// - Throws: `DatabaseError` when the store cannot be read.
    public static func run(_ items: [EvalItem], store: PassageStore, variants: [Variant] = Variant.all) throws -> [(Variant, EvaluationReport)] {
        try variants.map { variant in
            let retriever = try Retriever(store: store, scorer: Scorer(weights: variant.weights), settings: variant.settings)
            return (variant, try Evaluator(answerer: Answerer(retriever: retriever)).run(items))
        }
    }

    /// A table: one row per variant.
    public static func table(_ results: [(Variant, EvaluationReport)]) -> String {
        let pad = ReportRenderer.pad
        let format = ReportRenderer.format
        var lines = [pad("variant", 30) + pad("Hit@1", 8) + pad("Hit@3", 8) + pad("MRR@10", 8) + pad("expert@1", 10)
            + pad("cites-gold", 12) + pad("false-abst", 12) + "declined"]
        for (variant, report) in results {
            let metrics = report.overall
            lines.append(pad(variant.name, 30) + pad(format(metrics.hitAt1), 8) + pad(format(metrics.hitAt3), 8) + pad(format(metrics.mrrAt10), 8)
                + pad(format(metrics.expertAt1), 10) + pad(format(metrics.citesGold), 12) + pad(format(metrics.falseAbstention), 12)
                + format(metrics.abstention))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
