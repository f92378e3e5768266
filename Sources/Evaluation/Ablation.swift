import Answering
import Encoder
import Retrieval
import Search
import Store

/// One configuration of the retrieval techniques, for `eval --compare`.
public struct Variant: Sendable {
    public var name: String
    public var settings: RetrievalSettings
    public var weights: FieldWeights

    /// Everything on, then each technique switched off in turn.
    public static let all: [Variant] = {
        let full = Variant(name: "all techniques", settings: RetrievalSettings(), weights: FieldWeights())
        func variant(_ name: String, _ change: (inout Variant) -> Void) -> Variant {
            var changed = full
            changed.name = name
            change(&changed)
            return changed
        }
        return [
            full,
            variant("words only (lexical)") { $0.settings.fusion = .lexical },
            variant("meaning only (dense)") { $0.settings.fusion = .meaning },
            variant("reciprocal-rank fusion") { $0.settings.fusion = .reciprocalRank(k: 60) },
            variant("sentences by words only") { $0.settings.sentenceMeaning = false },
            variant("without WordNet expansion") { $0.settings.lexicalExpansion = false },
            variant("every expansion of a word") { $0.settings.expansionsPerKey = .max },
            variant("without typo/name variants") { $0.settings.typoTolerance = false },
            variant("without topic coordination") { $0.settings.coordination = 0 },
            variant("without phrase matching") { $0.settings.phraseMatching = false },
            variant("generic words at full weight") { $0.settings.genericWordWeight = 1 },
            variant("without question field") { $0.weights.question = 0 },
            variant("without expert field") { $0.weights.expert = 0 },
            variant("plain BM25 (text only)") { plain in
                plain.settings.lexicalExpansion = false
                plain.settings.typoTolerance = false
                plain.settings.genericWordWeight = 1
                plain.settings.coordination = 0
                plain.weights.question = 0
                plain.weights.expert = 0
            },
        ]
    }()
}

/// Runs an evaluation set once per variant on the same store.
public enum Ablation {
    /// The in-scope and out-of-scope figures of each variant.
    ///
    /// - Throws: `DatabaseError` when the store cannot be read.
    public static func run(_ items: [EvalItem], store: PassageStore, embedder: (any TextEmbedder)? = nil,
                           variants: [Variant] = Variant.all) throws -> [(Variant, EvaluationReport)] {
        try variants.map { variant in
            let retriever = try Retriever(store: store, scorer: Scorer(weights: variant.weights), settings: variant.settings, embedder: embedder)
            return (variant, try Evaluator(answerer: Answerer(retriever: retriever)).run(items))
        }
    }

    /// A table: one row per variant.
    public static func table(_ results: [(Variant, EvaluationReport)]) -> String {
        let pad = ReportRenderer.pad
        let format = ReportRenderer.format
        var lines = [pad("variant", 30) + pad("Hit@1", 8) + pad("Hit@3", 8) + pad("MRR@10", 8) + pad("expert@1", 10)
            + pad("cites-gold", 12) + pad("quotes-gold", 12) + pad("false-abst", 12) + "declined"]
        for (variant, report) in results {
            let metrics = report.overall
            lines.append(pad(variant.name, 30) + pad(format(metrics.hitAt1), 8) + pad(format(metrics.hitAt3), 8) + pad(format(metrics.mrrAt10), 8)
                + pad(format(metrics.expertAt1), 10) + pad(format(metrics.citesGold), 12) + pad(format(metrics.quotesGold), 12)
                + pad(format(metrics.falseAbstention), 12)
                + format(metrics.abstention))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
