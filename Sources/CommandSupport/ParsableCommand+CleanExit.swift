import ArgumentParser
import Corpus
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command; a message it ends with loses its control characters
    /// first, because it may echo what the user typed or a file held. Shared by `panelist` and
    /// `panelist-server`.
    ///
    /// - Parameter arguments: The arguments to parse, without the program's name (nil: the process's).
    public static func runWithCleanMessages(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error).removingControlCharacters()
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
