import ArgumentParser

extension Panelist {
    struct Completions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the shell completion script for bash, zsh or fish.",
            discussion: "e.g. panelist completions bash > ~/.local/share/bash-completion/completions/panelist; `make install` puts all three in place.")

        @Argument(help: "bash, zsh or fish.")
        var shell: CompletionShell

        @OptionGroup var output: OutputOptions

        func run() {
            print(Panelist.completionScript(for: shell))
        }
    }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}
