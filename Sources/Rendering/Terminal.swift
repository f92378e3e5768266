#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Facts about the terminal the chat runs in.
public enum Terminal {
    /// Whether standard output is a terminal. Only there is a model's reply shown as it streams in:
    /// into a pipe or a file goes the checked answer alone, never the unchecked stream.
    public static var isOutput: Bool {
        isatty(STDOUT_FILENO) != 0
    }

    /// The terminal's width in columns, asked of the terminal each time so a resize is seen
    /// (`COLUMNS` when it cannot say, else 80).
    public static var columns: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return environmentColumns ?? 80 }
        return Int(size.ws_col)
    }

    /// The width piped output is wrapped at: `COLUMNS` when set, else 100.
    public static var pipedColumns: Int { environmentColumns ?? 100 }

    private static var environmentColumns: Int? {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Where the chat keeps its history: `$XDG_STATE_HOME/panelist/history`, else `~/.local/state/panelist/history`.
    public static func historyFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return URL(fileURLWithPath: state).appendingPathComponent("panelist/history")
    }
}
