import Retrieval

/// Turns the numbers the analysing threads gave terms (`TermNumberer`) into each field's own
/// numbers (`FieldTerms`), on the builder's thread: a thread's term is looked up by its string
/// once for each field it occurs in, and from then on by its number.
struct TermRenumbering {
    /// For each thread, its terms by number.
    private var terms: [[String]]
    /// For each thread, the field numbers of its terms, at `number × fieldCount + field`; -1 when
    /// not looked up yet.
    private var ids: [[Int32]]
    private let fieldCount = Field.allCases.count

    init(threads: Int) {
        terms = Array(repeating: [], count: threads)
        ids = Array(repeating: [], count: threads)
    }

    /// Learns the terms a batch's thread numbered while analysing it (`AnalysedBatch.newTerms`);
    /// batches of one thread must come in the order it analysed them.
    mutating func learn(_ batch: AnalysedBatch) {
        terms[batch.thread] += batch.newTerms
        ids[batch.thread] += repeatElement(-1, count: batch.newTerms.count * fieldCount)
    }

    /// The number of `term` of `thread` in `field`, numbering it there if new.
    mutating func id(of term: NumberedTerm, from thread: Int, in field: Field, fields: inout [FieldTerms]) -> Int32 {
        let slot = term.number * fieldCount + field.rawValue
        let known = ids[thread][slot]
        if known >= 0 { return known }
        let id = fields[field.rawValue].id(of: terms[thread][term.number])
        ids[thread][slot] = id
        return id
    }
}
