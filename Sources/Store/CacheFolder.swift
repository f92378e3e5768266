import Foundation

/// Panelist's folder for what it can make again: the default store and the analysed lexicon.
///
/// `$XDG_CACHE_HOME/panelist`, else `~/.cache/panelist` (the XDG base directory rules).
public struct CacheFolder: Sendable, Equatable {
    /// The folder's path (it may not exist yet).
    public let path: String

    /// The cache folder in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = DataFolder.panelistFolder(in: "XDG_CACHE_HOME", else: ".cache", environment: environment)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }
}
