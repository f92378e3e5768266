import Answering
import Corpus

/// A `:command` typed in the chat.
public enum ChatCommand: Equatable, Sendable {
    case help
    case experts
    case topics
    case sources
    case open(Int)
    case why
    /// `:expert NAME|all`, or nil to show the current restriction.
    case expert(ExpertChoice?)
    /// `:k N`, or nil to show the current number.
    case k(Int?)
    /// `:corpus NAME`, or nil to show the current corpus and the others.
    case corpus(String?)
    case clear
    case quit
    /// `:mode llm|offline`, or nil to show the current mode.
    case mode(AnswerMode?)

    /// Every command word, for completion and help.
    public static let words = [":help", ":experts", ":topics", ":sources", ":open", ":why", ":expert", ":k", ":mode", ":corpus", ":clear", ":quit"]

    /// What a command line means, or a one-line hint when it means nothing.
    ///
    /// - Parameter line: A line starting with ":".
    /// - Returns: The command, or the message to show.
    public static func parse(_ line: String) -> Result<ChatCommand, ChatCommandError> {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first?.lowercased() ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingWhitespace() : ""
        switch name {
        case ":help", ":h", ":?": return .success(.help)
        case ":experts": return .success(.experts)
        case ":topics": return .success(.topics)
        case ":sources": return .success(.sources)
        case ":why": return .success(.why)
        case ":clear": return .success(.clear)
        case ":quit", ":q", ":exit": return .success(.quit)
        case ":open":
            guard let n = Int(argument), n > 0 else { return .failure(ChatCommandError(":open takes a citation number, e.g. :open 1")) }
            return .success(.open(n))
        case ":k" where argument.isEmpty: return .success(.k(nil))
        case ":corpus": return .success(.corpus(argument.isEmpty ? nil : argument))
        case ":k":
            guard let k = Int(argument), (1...50).contains(k) else { return .failure(ChatCommandError(":k takes a number of passages from 1 to 50, e.g. :k 5")) }
            return .success(.k(k))
        case ":mode":
            switch argument.lowercased() {
            case "": return .success(.mode(nil))
            case "llm", "model": return .success(.mode(.llm))
            case "offline", "extractive": return .success(.mode(.extractive))
            default: return .failure(ChatCommandError(":mode takes llm or offline"))
            }
        case ":expert":
            guard !argument.isEmpty else { return .success(.expert(nil)) }
            return .success(.expert(argument.lowercased() == "all" ? .all : .named(argument)))
        default:
            let close = words.first { $0.hasPrefix(name) }.map { " (did you mean \($0)?)" } ?? ""
            return .failure(ChatCommandError("unknown command \(name)\(close); type :help for the commands"))
        }
    }
}

/// Whose passages `:expert` asks for.
public enum ExpertChoice: Equatable, Sendable {
    /// Every expert's (`:expert all`).
    case all
    /// One expert's, by full name or surname.
    case named(String)
}

/// A command line that could not be understood, with a hint.
public struct ChatCommandError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
