import Answering
import Conversations
import Corpus
import Foundation
import Rendering

/// Prints logged turns for `panelist logs`: JSON Lines, or a block per turn.
struct LoggedTurnPrinter {
    let json: Bool

    func print(_ turns: [LoggedTurn], empty: String) throws {
        if json {
            for turn in turns { Swift.print(try JSONLine.encode(turn)) }
            return
        }
        guard !turns.isEmpty else {
            FileHandle.standardError.write(Data((empty + "\n").utf8))
            return
        }
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm"
        let blocks = turns.map { turn in
            // Logged text came from a corpus or a model: no escape sequence reaches the terminal.
            var lines = ["#\(turn.conversation).\(turn.turn)  \(time.string(from: turn.time))  \(turn.corpus)  \(turn.mode)".removingControlCharacters(),
                         "Q: \(turn.question)".removingControlCharacters(),
                         "A: \(turn.answer)".removingControlCharacters()]
            lines += turn.citations.map { "   [\($0.n)] \($0.expert)".removingControlCharacters() }
            return lines.joined(separator: "\n")
        }
        Swift.print(blocks.joined(separator: "\n\n"))
    }
}
