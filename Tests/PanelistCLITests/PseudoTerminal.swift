import Foundation
import Glibc

/// A failure while driving a program through `PseudoTerminal`; the
/// description includes what the program had printed.
struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
}

/// Runs a program on a new pseudo-terminal, as if a user sat at a terminal.
///
/// The program is started in its own session with the terminal as its
/// controlling terminal and as its standard input, output and error, so it
/// sees `isatty` true, line editing works, and the control characters a user
/// types have their usual effect: byte 0x03 (Ctrl-C) sends it SIGINT, 0x1a
/// (Ctrl-Z) stops it. Output is collected as it arrives; `expect(_:timeout:)`
/// waits for text the way a user would wait to see it.
///
/// The process is killed when the harness is released if it has not exited.
/// Linux only: it relies on glibc's `posix_spawn` and `openpty`.
final class PseudoTerminal {
    /// The child's process id.
    let processIdentifier: pid_t

    /// The terminal modes the pseudo-terminal had before the program started.
    let initialModes: termios

    private let controller: Int32
    private var received: [UInt8] = []
    private var consumed = 0
    private var outputClosed = false
    private var exitStatus: Int32?

    /// glibc's `POSIX_SPAWN_SETSID`, which Swift's Glibc module does not
    /// import because glibc declares it only under `_GNU_SOURCE`.
    private static let spawnInNewSession: Int32 = 0x80

    /// Starts `executable` on a new pseudo-terminal.
    ///
    /// - Parameters:
    ///   - executable: The program to run.
    ///   - arguments: Its arguments, without the program name.
    ///   - environment: Its complete environment; `nil` passes this process's
    ///     environment. Line editors need `TERM` set to a known terminal.
    ///   - columns: The terminal width.
    ///   - rows: The terminal height.
    /// - Throws: `PseudoTerminalError` if the terminal cannot be created or
    ///   the program cannot be started.
    init(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        columns: UInt16 = 80,
        rows: UInt16 = 24
    ) throws {
        var controller: Int32 = -1
        var device: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &device, nil, nil, &size) == 0 else {
            throw PseudoTerminalError(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        defer { close(device) }
        _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
        _ = fcntl(device, F_SETFD, FD_CLOEXEC)

        var modes = termios()
        var name = [CChar](repeating: 0, count: 256)
        guard tcgetattr(device, &modes) == 0, ttyname_r(device, &name, name.count) == 0 else {
            close(controller)
            throw PseudoTerminalError(description: "cannot inspect the pseudo-terminal")
        }
        let devicePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened in the child after setsid(), without O_NOCTTY, the terminal
        // becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, devicePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGHUP, SIGTERM, SIGWINCH] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let flags = Self.spawnInNewSession | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argumentStrings = [executable.path] + arguments
        let environmentStrings = (environment ?? ProcessInfo.processInfo.environment)
            .map { "\($0.key)=\($0.value)" }
        let argv = argumentStrings.map { strdup($0) } + [nil]
        let envp = environmentStrings.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(controller)
            throw PseudoTerminalError(
                description: "cannot start \(executable.path): \(String(cString: strerror(result)))")
        }
        self.controller = controller
        self.processIdentifier = pid
        self.initialModes = modes
    }

    deinit {
        if exitStatus == nil {
            kill(processIdentifier, SIGKILL)
            var status: Int32 = 0
            waitpid(processIdentifier, &status, 0)
        }
        close(controller)
    }

    /// Everything the program has printed so far, escape sequences included.
    var transcript: String {
        String(decoding: received, as: UTF8.self)
    }

    /// Resizes the terminal, as a terminal window does: the program gets SIGWINCH.
    func resize(columns: UInt16, rows: UInt16 = 24) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(controller, UInt(TIOCSWINSZ), &size)
    }

    /// Types text into the terminal, as if a user typed or pasted it in one go.
    ///
    /// - Parameters:
    ///   - text: The bytes to send, e.g. `"hello\r"` (Enter is `\r`),
    ///     `"\u{03}"` (Ctrl-C), `"\u{04}"` (Ctrl-D), `"\u{1b}[A"` (up arrow).
    /// - Throws: `PseudoTerminalError` if the terminal no longer accepts input.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN {
                    continue
                }
                throw PseudoTerminalError(description: "cannot send \(text.debugDescription): \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until the program prints `substring`.
    ///
    /// Matching starts after the end of the previous match, so successive
    /// calls follow the output in order.
    ///
    /// - Parameters:
    ///   - substring: The text to wait for, as printed (escape sequences in
    ///     the output are not interpreted).
    ///   - timeout: The longest wait, in seconds.
    /// - Returns: The output from the end of the previous match up to and
    ///   including this one.
    /// - Throws: `PseudoTerminalError` with the output seen so far if the text
    ///   does not appear in time or the program closes the terminal first.
    /// How much longer to wait under a sanitizer (`PANELIST_SANITIZER`, docs/RELIABILITY.md), whose
    /// instrumented binary runs several times slower.
    static let slowdown: Double = ProcessInfo.processInfo.environment["PANELIST_SANITIZER"] == nil ? 1 : 6

    @discardableResult
    func expect(_ substring: String, timeout: Double) throws -> String {
        let wanted = Array(substring.utf8)
        let deadline = Date().addingTimeInterval(timeout * Self.slowdown)
        while true {
            if let end = Self.end(of: wanted, in: received, from: consumed) {
                let text = String(decoding: received[consumed..<end], as: UTF8.self)
                consumed = end
                return text
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || outputClosed {
                let reason = outputClosed ? "the program closed the terminal" : "timed out after \(timeout) s"
                throw PseudoTerminalError(
                    description: "\(reason) waiting for \(substring.debugDescription); screen text since the last match:\n"
                        + Self.readable(String(decoding: received[consumed...], as: UTF8.self))
                        + "\nwhole transcript:\n" + Self.readable(transcript))
            }
            pump(timeout: remaining)
        }
    }

    /// Waits for the program to exit, collecting its remaining output.
    ///
    /// - Parameters:
    ///   - timeout: The longest wait, in seconds.
    /// - Returns: The exit status, or 128 plus the signal number if a signal
    ///   ended the program.
    /// - Throws: `PseudoTerminalError` if the program is still running after
    ///   `timeout`.
    @discardableResult
    func waitForExit(timeout: Double) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout * Self.slowdown)
        while exitStatus == nil {
            var status: Int32 = 0
            let result = waitpid(processIdentifier, &status, WNOHANG)
            if result == processIdentifier {
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            } else if result < 0 && errno != EINTR {
                throw PseudoTerminalError(description: "waitpid failed: \(String(cString: strerror(errno)))")
            } else if deadline.timeIntervalSinceNow <= 0 {
                throw PseudoTerminalError(
                    description: "still running after \(timeout) s; screen text:\n" + Self.readable(transcript))
            } else {
                pump(timeout: 0.02)
            }
        }
        pump(timeout: 0)
        return exitStatus ?? -1
    }

    /// Reads the terminal's current modes (those the program set last).
    ///
    /// - Returns: The modes, as `tcgetattr` reports them for the terminal.
    /// - Throws: `PseudoTerminalError` if they cannot be read.
    func currentModes() throws -> termios {
        var modes = termios()
        guard tcgetattr(controller, &modes) == 0 else {
            throw PseudoTerminalError(description: "tcgetattr failed: \(String(cString: strerror(errno)))")
        }
        return modes
    }

    /// Waits until the program reads keys one by one, i.e. a line editor has
    /// switched the terminal out of canonical mode.
    ///
    /// A line editor prints its prompt before it changes the terminal modes;
    /// control characters sent in between (Ctrl-D, Ctrl-C, escape sequences)
    /// would still be handled by the kernel's line discipline. A person cannot
    /// type that fast, a test can, so tests wait for this first.
    ///
    /// - Parameters:
    ///   - timeout: The longest wait, in seconds.
    /// - Throws: `PseudoTerminalError` if the terminal is still in canonical
    ///   mode after `timeout`.
    func waitUntilReadingKeys(timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try currentModes().c_lflag & tcflag_t(ICANON) != 0 {
            if deadline.timeIntervalSinceNow <= 0 {
                throw PseudoTerminalError(
                    description: "the terminal is still in canonical mode after \(timeout) s; screen text:\n"
                        + Self.readable(transcript))
            }
            pump(timeout: 0.005)
        }
    }

    /// Reads whatever output arrives within `timeout` seconds.
    private func pump(timeout: Double) {
        var request = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 1)) * 1000)
        guard !outputClosed, poll(&request, 1, milliseconds) > 0 else {
            return
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        if count > 0 {
            received += buffer[..<count]
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            // Linux reports EIO once the program has closed its side.
            outputClosed = true
        }
    }

    private static func end(of wanted: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !wanted.isEmpty else {
            return start
        }
        guard haystack.count - start >= wanted.count else {
            return nil
        }
        for index in start...(haystack.count - wanted.count)
        where haystack[index..<(index + wanted.count)].elementsEqual(wanted) {
            return index + wanted.count
        }
        return nil
    }

    /// Makes terminal output legible in a failure message.
    private static func readable(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1b}", with: "␛")
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "␍")
    }
}
