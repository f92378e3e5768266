@testable import Corpus
import Testing

@Suite struct ControlCharactersTests {
    @Test func removesC0C1AndDeleteButKeepsLinesAndTabs() {
        #expect("a\u{1B}]0;title\u{07}b".removingControlCharacters() == "a]0;titleb")
        #expect("x\u{9B}31my\u{7F}z\u{0}".removingControlCharacters() == "x31myz")
        #expect("one\r\ntwo\rthree\tfour\n".removingControlCharacters() == "one\ntwo\nthree\tfour\n")
        #expect("café « déjà » — ©".removingControlCharacters() == "café « déjà » — ©")
    }

    @Test func findsAControlCharacterAnywhereInALongText() {
        let line = String(repeating: "Sanctions stay.\tThey bite.\n", count: 40)
        #expect(line.removingControlCharacters() == line)
        for position in [0, 63, 64, 65, line.utf8.count] {
            let index = line.utf8.index(line.utf8.startIndex, offsetBy: position)
            var dirty = line
            dirty.insert(contentsOf: "\u{1B}\u{85}", at: index)
            #expect(dirty.removingControlCharacters() == line, "at \(position)")
        }
    }

    @Test func passagesAndExpertsAreCleanedWhenMade() {
        let passage = Passage(id: "p\u{1B}1", expert: "Ann\u{07} Lee", role: "r\u{9B}", question: "q\u{1B}[2J?", text: "t\u{1B}[8m", source: "s", ordinal: 1)
        #expect([passage.id, passage.expert, passage.role, passage.question, passage.text] == ["p1", "Ann Lee", "r", "q[2J?", "t[8m"])
        #expect(Expert(name: "A\u{1B}B", role: "c\u{07}").name == "AB")
    }
}
