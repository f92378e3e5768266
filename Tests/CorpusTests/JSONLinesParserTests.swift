import Corpus
import Foundation
import Testing

@Suite struct JSONLinesParserTests {
    func passages(_ text: String) throws -> [Passage] {
        try JSONLinesParser().passages(in: Data(text.utf8), source: "bulk.jsonl")
    }

    func error(_ text: String) -> CorpusError? {
        do {
            _ = try passages(text)
            return nil
        } catch {
            return error as? CorpusError
        }
    }

    @Test func readsOptionalMembersAndIgnoresOthers() throws {
        let lines = #"{"id": "p1", "source": "debian:x", "extra": [1, {"a": null}], "text": "Some \"quoted\" text.", "role": null}"#
        let passage = try #require(try passages(lines).first)
        #expect(passage == Passage(id: "p1", expert: "", role: "", question: "", text: "Some \"quoted\" text.", source: "debian:x", ordinal: 1))
    }

    @Test func defaultsTheIdAndSource() throws {
        let found = try passages("\n  \r\n{\"text\": \"Third line.\"}\r\n")
        #expect(found.count == 1)
        #expect(found[0].ordinal == 3)
        #expect(found[0].source == "bulk.jsonl")
        #expect(found[0].text == "Third line.")
    }

    @Test func namesTheLineOfARecordWithoutStringText() {
        for line in [#"{"txt": "x"}"#, #"{"text": 5}"#, #"{"text": null}"#, #"{"text": "x", "id": 7}"#,
                     #"{"text": "x", "expert": ["a"]}"#, #"["text"]"#, #"{"text": "x"} trailing"#, #"{"text": "x""#] {
            let failure = error("{\"text\": \"fine\"}\n\(line)\n")
            #expect(failure?.code == .malformed, "\(line)")
            #expect(failure?.message == "bulk.jsonl:2: not a JSON object with a string \"text\" field; fix or remove that line", "\(line)")
        }
    }

    @Test func rejectsEmptyText() {
        let failure = error(#"{"text": " \n "}"#)
        #expect(failure?.code == .malformed)
        #expect(failure?.message == "bulk.jsonl:1: \"text\" is empty; fix or remove that line")
    }
}
