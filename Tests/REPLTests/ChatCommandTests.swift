import REPL
import Rendering
import Testing

@Suite struct ChatCommandTests {
    @Test func parsesEveryCommand() throws {
        #expect(try ChatCommand.parse(":help").get() == .help)
        #expect(try ChatCommand.parse(":experts").get() == .experts)
        #expect(try ChatCommand.parse(":topics").get() == .topics)
        #expect(try ChatCommand.parse(":sources").get() == .sources)
        #expect(try ChatCommand.parse(":open 2").get() == .open(2))
        #expect(try ChatCommand.parse(":why").get() == .why)
        #expect(try ChatCommand.parse(":expert Trenin").get() == .expert(.named("Trenin")))
        #expect(try ChatCommand.parse(":expert all").get() == .expert(.all))
        #expect(try ChatCommand.parse(":expert").get() == .expert(nil))
        #expect(try ChatCommand.parse(":k 7").get() == .k(7))
        #expect(try ChatCommand.parse(":k").get() == .k(nil))
        #expect(try ChatCommand.parse(":corpus work").get() == .corpus("work"))
        #expect(try ChatCommand.parse(":corpus").get() == .corpus(nil))
        #expect(try ChatCommand.parse(":clear").get() == .clear)
        #expect(try ChatCommand.parse(":quit").get() == .quit)
        #expect(try ChatCommand.parse(":QUIT").get() == .quit)
    }

    @Test func badArgumentsAndUnknownCommandsGetHints() {
        for (line, hint) in [(":open x", "citation number"), (":k 0", "from 1 to 50"), (":sou", "did you mean :sources"), (":zzz", ":help")] {
            guard case .failure(let error) = ChatCommand.parse(line) else {
                Issue.record("\(line) parsed")
                continue
            }
            #expect(error.message.contains(hint), "\(line): \(error.message)")
        }
        #expect((try? ChatCommand.parse(":foo").get()) == nil)
        if case .failure(let error) = ChatCommand.parse(":foo") {
            #expect(error.message == "unknown command :foo; type :help for the commands")
        }
    }
}

@Suite struct TextRendererTests {
    @Test func wrapsAtTheWidthKeepingWords() {
        let renderer = TextRenderer(color: false, width: 20)
        let wrapped = renderer.wrap("one two three four five six seven eight nine ten", indent: "  ")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 20 })
        #expect(wrapped.replacingOccurrences(of: "\n  ", with: " ") == "one two three four five six seven eight nine ten")
    }

    @Test func colourOnlyWhenWantedAndNotCountedInWidth() {
        #expect(!TextRenderer.wantsColor(isTerminal: true, environment: ["NO_COLOR": "1"], noColorFlag: false))
        #expect(!TextRenderer.wantsColor(isTerminal: false, environment: [:], noColorFlag: false))
        #expect(!TextRenderer.wantsColor(isTerminal: true, environment: [:], noColorFlag: true))
        #expect(TextRenderer.wantsColor(isTerminal: true, environment: ["TERM": "xterm"], noColorFlag: false))
        let colored = TextRenderer(color: true, width: 30).wrap("\u{1B}[36m[1]\u{1B}[0m aaaa bbbb cccc dddd eeee ffff")
        #expect(colored.split(separator: "\n").count == 2)
    }
}
