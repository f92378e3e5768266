import Answering
import ArgumentParser
import Conversations
import Foundation
import Rendering

extension Panelist {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question from the corpus, citing the experts.",
            discussion: """
                The question is one argument, several words (panelist ask What does Trenin think), or standard input: \
                echo "question" | panelist ask, or panelist ask - . Offline by default; with an endpoint configured (--llm, \
                PANELIST_LLM_URL or the config file) a language model writes the answer from the retrieved passages and \
                Panelist checks its citations, falling back to the offline answer if the endpoint fails. Each question and \
                answer is appended to the conversation log (panelist logs) unless --no-log; -c continues the last \
                conversation, so a follow-up ("and what did Baunov say?") is read in its context.
                """)

        /// How `ask` prints its answer.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, markdown, json
        }

        @OptionGroup var question: QuestionWords

        @OptionGroup var selection: SelectionOptions

        @Option(help: ArgumentHelp("text, markdown (citations as footnotes) or json (as --json).", valueName: "format"))
        var format: Format = .text

        @Flag(help: "Print one JSON object: question, answer, abstained, mode, citations, passages, notice (--format json).")
        var json = false

        @Flag(help: "Leave out the sources after the answer.")
        var noSources = false

        @Flag(name: [.customShort("c"), .customLong("continue")], help: "Continue the last logged conversation: the question is read as a follow-up of its last turns.")
        var continueConversation = false

        @OptionGroup var output: OutputOptions
        @OptionGroup var logOptions: LogOptions
        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var llmOptions: LLMOptions

        func validate() throws {
            if json && format != .text && format != .json { throw ValidationError("Give --json or --format \(format.rawValue), not both") }
        }

        func run() throws {
            let text = try question.text()
            let retriever = try storeOptions.retriever()
            let options = AnswerOptions(k: selection.k, expert: selection.expert)
            let conversation = Conversation(answerer: Answerer(retriever: retriever), options: options)
            var continuing: Int64?
            if continueConversation {
                let log = try LogOptions.open()
                continuing = try log.lastConversation()
                if let continuing { try conversation.restore(log.turns(of: continuing, limit: Conversation.keptTurns).map(\.replay)) }
            }
            conversation.generator = try llmOptions.answerer(analyzer: retriever.analyzer)
            let shape = json ? .json : format
            let renderer = TextRenderer(color: shape == .text && output.wantsColor(isTerminal: Terminal.isOutput),
                                        width: Terminal.isOutput ? Terminal.columns : 10_000, showsSources: !noSources)
            let echo = StreamEcho(width: renderer.width) { text in FileHandle.standardOutput.write(Data(text.utf8)) }
            if shape == .text && Terminal.isOutput { echo.attach(to: conversation.generator) }
            let answer = try conversation.ask(text)
            echo.finish()
            logOptions.recorder(continuing: continuing, corpus: storeOptions.label)?.record(answer, options: options)
            switch shape {
            case .json: try Output.printJSON(AnswerOutput(answer))
            case .markdown: print(MarkdownAnswer.render(answer, sources: !noSources), terminator: "")
            case .text: print(renderer.render(answer, afterStreaming: echo.text), terminator: "")
            }
        }
    }
}
