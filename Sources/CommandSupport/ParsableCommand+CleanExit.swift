import ArgumentParser
import Corpus
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command; a message it ends with loses its control characters
    /// first, because it may echo what the user typed or a file held. Shared by `panelist` and
    /// `panelist-server`.
    public static func runWithCleanMessages() -> Never {
        do {
            var command = try parseAsRoot()
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
