import Answering
import ArgumentParser
import Bundled
import Conversations
import Foundation
import REPL
import Rendering

extension Panelist {
    struct Chat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Talk with the corpus: questions, follow-ups and :commands (the default command).",
            discussion: "On a terminal: line editing, history and tab completion; type :help. With standard input from a pipe or file: one question per line; --json writes one JSON object per answer (JSON Lines). Every turn is appended to the conversation log (panelist logs) unless --no-log; --continue or --conversation ID picks up a logged conversation.")

        @Flag(help: "Write one JSON object per answer, one per line (for piped input).")
        var json = false

        @Flag(help: "Plain text even on a colour terminal (as --color never; NO_COLOR is honoured too).")
        var noColor = false

        @Flag(help: "Leave out the sources after each answer.")
        var noSources = false

        @Flag(name: .customLong("continue"), help: "Continue the last logged conversation.")
        var continueLast = false

        @Option(help: ArgumentHelp("Continue logged conversation ID (see panelist logs).", valueName: "id"))
        var conversation: Int64?

        @OptionGroup var selection: SelectionOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var logOptions: LogOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var llmOptions: LLMOptions

        func validate() throws {
            if continueLast && conversation != nil { throw ValidationError("Give --continue or --conversation ID, not both") }
        }

        func run() throws {
            let answerer = Answerer(retriever: try storeOptions.retriever())
            let store = answerer.retriever.store
            if let expert = selection.expert { _ = try answerer.retriever.expert(named: expert) }
            let conversation = Conversation(answerer: answerer, options: AnswerOptions(k: selection.k, expert: selection.expert))
            let continuing = try restore(conversation)
            let interactive = LineEditor.isInteractive && !json
            let renderer = TextRenderer(
                color: !noColor && output.wantsColor(isTerminal: interactive),
                width: interactive ? Terminal.columns : Terminal.pipedColumns, showsSources: !noSources)
            let model = try llmOptions.answerer(analyzer: answerer.retriever.analyzer).map { generator in
                (generator: generator as AnswerGenerator, name: "\(generator.modelName) at \(generator.host)")
            }
            let session = ChatSession(
                conversation: conversation, renderer: renderer, corpusName: CorpusDescription.of(store, label: storeOptions.label),
                languageModel: model, recorder: logOptions.recorder(continuing: continuing, corpus: storeOptions.label),
                corpora: corpusSwitch)
            if interactive {
                try InteractiveChat(session: session).run()
            } else {
                try PipedChat(session: session, json: json, echoesStream: Terminal.isOutput).run(
                    readLine: InputLines(fileDescriptor: STDIN_FILENO, limit: PipedChat.lineLimit).next,
                    write: { FileHandle.standardOutput.write(Data($0.utf8)) },
                    report: { FileHandle.standardError.write(Data($0.utf8)) })
            }
        }

        /// Rebuilds the logged conversation asked for, returning its id (nil: a new conversation).
        private func restore(_ conversation: Conversation) throws -> Int64? {
            guard continueLast || self.conversation != nil else { return nil }
            let log = try LogOptions.open()
            guard let id = try self.conversation ?? log.lastConversation() else { return nil }
            guard try log.contains(conversation: id) else {
                throw ValidationError("No conversation \(id) in the log; see `panelist logs` for the ids")
            }
            try conversation.restore(log.turns(of: id, limit: Conversation.keptTurns).map(\.replay))
            return id
        }

        /// `:corpus NAME`: the corpora of the catalog, opened as `--corpus NAME` would.
        var corpusSwitch: CorpusSwitch { CorpusSwitch(
            names: { [CorpusCatalog.defaultName] + CorpusCatalog().names() },
            open: { [model = storeOptions.encoderOptions.files] name in
                try CorpusCatalog.check(name)
                let retriever = try StoreOptions.retriever(StoreOptions.open(store: nil, corpus: name, model: model))
                return CorpusSwitch.Opened(answerer: Answerer(retriever: retriever),
                                           description: CorpusDescription.of(retriever.store, label: name), label: name)
            }) }
    }
}
