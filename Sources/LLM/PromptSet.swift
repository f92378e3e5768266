import Foundation

/// The prompt templates Panelist sends to the model, loaded from a directory.
///
/// The directory holds:
/// - `system.txt`: the system prompt (no placeholders);
/// - `answer.txt`: the user message, with `{{question}}`, `{{passages}}` (both required) and
///   `{{conversation}}` (earlier turns, empty at the start of a conversation);
/// - `conversation.txt` (optional): how one earlier turn is written, with `{{question}}` and
///   `{{answer}}`; without it a turn is written `Question: …` / `Answer: …`.
public struct PromptSet: Equatable, Sendable {
    /// Placeholders `system.txt` may use.
    public static let systemPlaceholders: Set<String> = []
    /// Placeholders `answer.txt` may use.
    public static let answerPlaceholders: Set<String> = ["question", "passages", "conversation"]
    /// Placeholders `answer.txt` must use.
    public static let requiredAnswerPlaceholders: Set<String> = ["question", "passages"]
    /// Placeholders `conversation.txt` may use.
    public static let turnPlaceholders: Set<String> = ["question", "answer"]

    /// The system prompt.
    public let system: PromptTemplate
    /// The user message.
    public let answer: PromptTemplate
    /// How one earlier turn of the conversation is written.
    public let turn: PromptTemplate

    /// Loads the templates from a directory.
    ///
    /// Trailing line breaks of each file are dropped.
    ///
    /// - Parameter directory: The directory holding `system.txt`, `answer.txt` and optionally `conversation.txt`.
    /// - Returns: The loaded set.
    /// - Throws: `LLMError` `.template` naming the file when a required file is missing, unreadable,
    ///   not UTF-8, empty, or has an unknown or malformed placeholder.
    public init(directory: URL) throws(LLMError) {
        system = try Self.load("system.txt", in: directory, allowed: Self.systemPlaceholders)
        answer = try Self.load("answer.txt", in: directory, allowed: Self.answerPlaceholders,
                               required: Self.requiredAnswerPlaceholders)
        let turnFile = directory.appendingPathComponent("conversation.txt")
        if FileManager.default.fileExists(atPath: turnFile.path) {
            turn = try Self.load("conversation.txt", in: directory, allowed: Self.turnPlaceholders)
        } else {
            turn = try Self.defaultTurn()
        }
    }

    /// The messages for one question: the system prompt, then the rendered answer prompt.
    ///
    /// The user message is trimmed, so an empty `{{conversation}}` at its start leaves no blank lines.
    ///
    /// - Parameters:
    ///   - question: The user's question.
    ///   - passages: The numbered passages, already formatted by the caller.
    ///   - conversation: Earlier questions and answers, oldest first.
    /// - Returns: A system message and a user message.
    public func messages(
        question: String,
        passages: String,
        conversation: [(question: String, answer: String)] = []
    ) -> [ChatMessage] {
        let earlier = conversation
            .map { turn.render(["question": $0.question, "answer": $0.answer]) }
            .joined(separator: "\n\n")
        let user = answer.render(["question": question, "passages": passages, "conversation": earlier])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return [.system(system.render([:])), .user(user)]
    }

    private static func load(
        _ fileName: String, in directory: URL, allowed: Set<String>, required: Set<String> = []
    ) throws(LLMError) -> PromptTemplate {
        let file = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw LLMError(.template, "prompt template \(file.path) is missing")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LLMError(.template, "cannot read prompt template \(file.path)", underlying: error)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw LLMError(.template, "prompt template \(file.path) is not UTF-8 text")
        }
        while text.last?.isNewline == true {
            text.removeLast()
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw LLMError(.template, "prompt template \(file.path) is empty")
        }
        return try PromptTemplate(text: text, name: file.path, allowed: allowed, required: required)
    }

    private static func defaultTurn() throws(LLMError) -> PromptTemplate {
        try PromptTemplate(
            text: "Question: {{question}}\nAnswer: {{answer}}", name: "built-in conversation turn",
            allowed: turnPlaceholders)
    }
}
