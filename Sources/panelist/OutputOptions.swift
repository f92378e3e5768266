import ArgumentParser
import Foundation
import Rendering

/// `--color`, on every command (colour is used only where output has any: answers and the chat).
struct OutputOptions: ParsableArguments {
    /// When to colour the output.
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    @Option(help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    /// Whether to colour output that goes to a terminal when `isTerminal`.
    func wantsColor(isTerminal: Bool) -> Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: TextRenderer.wantsColor(isTerminal: isTerminal, environment: ProcessInfo.processInfo.environment, noColorFlag: false)
        }
    }
}
