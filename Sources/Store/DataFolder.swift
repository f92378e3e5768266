import Foundation

/// Panelist's folder for data the user keeps: named corpora and the conversation log.
///
/// `$XDG_DATA_HOME/panelist`, else `~/.local/share/panelist` (the XDG base directory rules), so
/// what a user built or said survives a cleared cache, unlike the default store in `~/.cache`.
public struct DataFolder: Sendable, Equatable {
    /// The folder's path (it may not exist yet).
    public let path: String

    /// The data folder in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = Self.panelistFolder(in: "XDG_DATA_HOME", else: ".local/share", environment: environment)
    }

    /// `$variable/panelist` when `variable` is set and not empty, else `~/fallback/panelist`.
    static func panelistFolder(in variable: String, else fallback: String, environment: [String: String]) -> String {
        let base = environment[variable].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/" + fallback)
        return base + "/panelist"
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }
}
