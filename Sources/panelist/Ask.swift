import Answering
import ArgumentParser
import Foundation
import REPL

extension Panelist {
    struct Ask: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a question from the corpus, citing the experts.",
            discussion: "Offline by default; with an endpoint configured (--llm, PANELIST_LLM_URL or the config file) a language model writes the answer from the retrieved passages and Panelist checks its citations, falling back to the offline answer if the endpoint fails.")

        @OptionGroup var question: QuestionWords


        @OptionGroup var selection: SelectionOptions

        @Flag(help: "Print one JSON object: question, answer, abstained, mode, citations, passages, notice.")
        var json = false

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var llmOptions: LLMOptions


        func run() throws {
            let retriever = try storeOptions.retriever()
            let conversation = Conversation(answerer: Answerer(retriever: retriever), options: AnswerOptions(k: selection.k, expert: selection.expert))
            conversation.generator = try llmOptions.answerer(analyzer: retriever.analyzer)
            let renderer = ChatRenderer(color: false, width: LineEditor.isInteractive ? Terminal.columns : 10_000)
            let echo = StreamEcho { text in FileHandle.standardOutput.write(Data(text.utf8)) }
            if !json && Terminal.isOutput { echo.attach(to: conversation.generator) }
            let answer = try conversation.ask(question.text)
            if json {
                try Output.printJSON(AnswerOutput(answer))
            } else {
                print(renderer.render(answer, afterStreaming: echo.text), terminator: "")
            }
        }
    }
}
