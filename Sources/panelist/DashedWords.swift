/// Keeps a question that starts with "-" ("-5% growth: what do sanctions do?") from being read as
/// short options: ArgumentParser splits such a word into flags when one of its letters is a flag
/// (`ask -c`), so an argument that starts with "-" and holds white space — never an option — is
/// moved after a `--`, where every argument is a plain word.
enum DashedWords {
    static func protect(_ arguments: [String]) -> [String] {
        let (dashed, others) = arguments.reduce(into: ([String](), [String]())) { split, argument in
            if argument.hasPrefix("-"), argument.contains(where: \.isWhitespace), !argument.hasPrefix("--") {
                split.0.append(argument)
            } else {
                split.1.append(argument)
            }
        }
        guard !dashed.isEmpty, !others.contains("--") else { return arguments }
        return others + ["--"] + dashed
    }
}
