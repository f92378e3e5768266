import Answering
import ArgumentParser
import Foundation
import REPL

extension Panelist {
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Talk with the corpus: questions, follow-ups and :commands (the default command).",
            discussion: "On a terminal: line editing, history and tab completion; type :help. With standard input from a pipe or file: one question per line; --json writes one JSON object per answer (JSON Lines).")

        @Flag(help: "Write one JSON object per answer, one per line (for piped input).")
        var json = false

        @Flag(help: "Plain text even on a colour terminal (NO_COLOR is honoured too).")
        var noColor = false


        @OptionGroup var selection: SelectionOptions

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var llmOptions: LLMOptions

        func run() throws {
            let answerer = Answerer(retriever: try storeOptions.retriever())
            let store = answerer.retriever.store
            if let expert = selection.expert { _ = try answerer.retriever.expert(named: expert) }
            let conversation = Conversation(answerer: answerer, options: AnswerOptions(k: selection.k, expert: selection.expert))
            let interactive = LineEditor.isInteractive && !json
            let renderer = ChatRenderer(
                color: ChatRenderer.wantsColor(isTerminal: interactive, environment: ProcessInfo.processInfo.environment, noColorFlag: noColor),
                width: interactive ? Terminal.columns : 100)
            let model = try llmOptions.answerer(analyzer: answerer.retriever.analyzer).map { generator in
                (generator: generator as AnswerGenerator, name: "\(generator.modelName) at \(generator.host)")
            }
            let session = ChatSession(conversation: conversation, renderer: renderer, corpusName: storeOptions.corpusName(of: store), languageModel: model)
            if interactive {
                try InteractiveChat(session: session, renderer: renderer).run()
            } else {
                try PipedChat(session: session, renderer: renderer, json: json, echoesStream: Terminal.isOutput).run(
                    readLine: InputLines(fileDescriptor: STDIN_FILENO, limit: PipedChat.lineLimit).next,
                    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
                    report: { FileHandle.standardError.write(Data($0.utf8)) })
            }
        }
    }
}
