import CEditLine
import Foundation
import Glibc

/// What `LineEditor.readLine(prompt:)` produced.
///
/// A REPL answers `.line` with a reply, ignores `.interrupted` (the user
/// abandoned the line with Ctrl-C) and stops on `.endOfInput`.
public enum LineInput: Equatable, Sendable {
    /// One complete input; continuation lines and pasted lines are joined
    /// with single spaces.
    case line(String)
    /// Ctrl-C was pressed while reading; the text being typed was discarded.
    case interrupted
    /// Ctrl-D on an empty line, or standard input was closed.
    case endOfInput
}

/// An interactive line editor on libedit: emacs key bindings, history kept
/// across sessions, tab completion, continuation lines and paste handling.
///
/// On a terminal (see `isInteractive`) the editor offers the usual emacs
/// keys: arrows, Ctrl-A/E, Ctrl-W (delete the previous word), Ctrl-R
/// (incremental search backwards through history), Ctrl-Left/Right (move by
/// word). Tab completes the word before the cursor through the `completions`
/// callback. A line ending in `\` continues on the next line, and a block of
/// several lines pasted at once becomes a single input. Ctrl-C abandons the
/// line and Ctrl-D on an empty line ends the input. The terminal is back in
/// its normal mode whenever `readLine(prompt:)` returns and after the editor
/// is released.
///
/// When standard input or output is not a terminal, lines are read plainly,
/// one per input (continuation with `\` still applies), without prompt.
///
/// Use one editor at a time, from one thread: libedit's signal handling is
/// process-wide.
public final class LineEditor {
    /// Whether standard input and standard output are both terminals.
    ///
    /// Only then does the editor edit lines, show prompts and keep the
    /// terminal in its editing mode while reading; otherwise it reads plain
    /// lines. A REPL can also use it to decide on colours or progress output.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    private static let continuationPrompt = "… "
    private static let historyCapacity: Int32 = 1000
    private static let completionCommand = "repl-complete"
    private static let invisibleMarker: wchar_t = 1

    /// How long to wait after a newline for the rest of a paste. Terminals
    /// write a paste in one go, so later bytes are normally there at once;
    /// the grace period covers a pseudo-terminal that delivers it in chunks,
    /// and is far shorter than any human keystroke interval.
    private static let pasteGraceMilliseconds: Int32 = 15

    /// How often a blocked read wakes up to look for Ctrl-C (a SIGINT may be
    /// delivered to another thread), a resized window, or a terminal mode
    /// changed behind libedit's back (e.g. by the shell after Ctrl-Z).
    private static let wakeIntervalMilliseconds: Int32 = 100

    private let editLine: OpaquePointer?
    private let historyList: OpaquePointer?
    private let historyFile: URL?
    private let completions: (_ prefix: String, _ line: String) -> [String]
    private var prompt: UnsafeMutablePointer<wchar_t>
    private var stopReason = StopReason.none
    private var pasteContinues = false
    private var pushedBackByte: UInt8?
    private var editingModes: termios?

    private enum StopReason {
        case none
        case interrupted
        case endOfInput
    }

    private enum CharacterRead {
        case character(Unicode.Scalar)
        case interrupted
        case endOfInput
    }

    private enum ByteRead {
        case byte(UInt8)
        case interrupted
        case endOfInput
    }

    /// Creates an editor and loads the history of earlier sessions.
    ///
    /// Installs `InterruptFlag`'s SIGINT handler, so Ctrl-C no longer ends
    /// the process. On a terminal the C library's character type is switched
    /// to UTF-8 (the environment's locale, or `C.UTF-8` if that is not
    /// UTF-8) so that libedit can display non-ASCII text.
    ///
    /// - Parameters:
    ///   - programName: The name libedit uses for this program, e.g. in
    ///     `~/.editrc` sections.
    ///   - historyFile: Where history is loaded from and saved to; `nil`
    ///     keeps history for this session only. Missing folders are created
    ///     on the first save.
    ///   - completions: Given the word before the cursor (`prefix`) and the
    ///     whole line, returns the words it may complete to. Candidates that
    ///     do not start with `prefix` are ignored.
    public init(
        programName: String,
        historyFile: URL?,
        completions: @escaping (_ prefix: String, _ line: String) -> [String]
    ) {
        self.historyFile = historyFile
        self.completions = completions
        prompt = Self.wideCString("")
        historyList = history_init()
        if let historyList {
            cedit_history_set_size(historyList, Self.historyCapacity)
            cedit_history_set_unique(historyList, 1)
            if let historyFile {
                cedit_history_load(historyList, historyFile.path)
            }
        }
        InterruptFlag.shared.install()
        if Self.isInteractive {
            Self.useUTF8CharacterType()
            editLine = cedit_init(programName)
        } else {
            editLine = nil
        }
        if let editLine {
            configure(editLine)
        }
    }

    deinit {
        if let editLine {
            el_end(editLine)
        }
        if let historyList {
            history_end(historyList)
        }
        prompt.deallocate()
    }

    /// Reads one input from the user.
    ///
    /// A line ending in `\` continues with the prompt "… "; the parts are
    /// joined with a space. If more input is already waiting when a line
    /// ends (a pasted block), the waiting lines are read too and joined the
    /// same way, so a paste yields one input. Tab characters inside a paste
    /// are taken as spaces rather than completion requests. Ctrl-D on an
    /// empty continuation line ends the input collected so far.
    ///
    /// - Parameters:
    ///   - prompt: The prompt to show. Wrap escape sequences that take no
    ///     room on screen (colours) in `"\u{1}"` characters.
    /// - Returns: The input, `.interrupted` after Ctrl-C, or `.endOfInput`
    ///   after Ctrl-D on an empty line or when standard input closes.
    public func readLine(prompt: String) -> LineInput {
        guard let editLine else {
            return readPlainLine()
        }
        InterruptFlag.shared.reset()
        var parts: [String] = []
        var shownPrompt = prompt
        while true {
            switch readEditedLine(editLine, prompt: shownPrompt) {
            case .interrupted:
                InterruptFlag.shared.reset()
                write("^C\n", on: editLine)
                return .interrupted
            case .endOfInput:
                write("\n", on: editLine)
                return parts.isEmpty ? .endOfInput : .line(Self.join(parts))
            case .line(let line):
                if let head = Self.continuedPart(of: line) {
                    parts.append(head)
                } else {
                    parts.append(line)
                    if !pasteContinues {
                        return .line(Self.join(parts))
                    }
                }
                shownPrompt = Self.continuationPrompt
            }
        }
    }

    /// Adds an input to the history and saves the history file.
    ///
    /// Blank inputs and a repeat of the newest entry are not added. The file
    /// keeps the newest 1000 entries; it is replaced atomically, and a
    /// failure to write it is ignored so that the REPL keeps working.
    ///
    /// - Parameters:
    ///   - line: The input, as returned in `LineInput.line`.
    public func addToHistory(_ line: String) {
        guard let historyList, !line.allSatisfy(\.isWhitespace) else {
            return
        }
        cedit_history_enter(historyList, line)
        if let historyFile {
            save(historyList, to: historyFile)
        }
    }

    // MARK: - Reading

    private func readEditedLine(_ editLine: OpaquePointer, prompt text: String) -> LineInput {
        setPrompt(text)
        stopReason = .none
        pasteContinues = false
        pushedBackByte = nil
        editingModes = nil
        let normalModes = Self.currentModes()
        var count: Int32 = 0
        let result = el_wgets(editLine, &count)
        if let normalModes {
            Self.restoreModes(normalModes)
        }
        if stopReason == .interrupted {
            return .interrupted
        }
        guard let result, count > 0 else {
            return .endOfInput
        }
        var scalars = UnsafeBufferPointer(start: result, count: Int(count))
            .compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        while let last = scalars.last, last == "\n" || last == "\r" {
            scalars.removeLast()
        }
        return .line(Self.string(from: scalars))
    }

    private func readPlainLine() -> LineInput {
        var parts: [String] = []
        while let line = Swift.readLine(strippingNewline: true) {
            if let head = Self.continuedPart(of: line) {
                parts.append(head)
            } else {
                parts.append(line)
                return .line(Self.join(parts))
            }
        }
        return parts.isEmpty ? .endOfInput : .line(Self.join(parts))
    }

    /// Called by libedit for every character it needs.
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        switch nextCharacter() {
        case .character(let scalar):
            character.pointee = wchar_t(bitPattern: scalar.value)
            return 1
        case .interrupted:
            stopReason = .interrupted
            character.pointee = 0
            return -1
        case .endOfInput:
            stopReason = .endOfInput
            character.pointee = 0
            return 0
        }
    }

    /// Decodes one UTF-8 character from standard input; malformed bytes are
    /// skipped.
    private func nextCharacter() -> CharacterRead {
        while true {
            let lead: UInt8
            switch nextByte() {
            case .byte(let byte): lead = byte
            case .interrupted: return .interrupted
            case .endOfInput: return .endOfInput
            }
            let length = Self.sequenceLength(startingWith: lead)
            guard length > 0 else {
                continue
            }
            // The lead byte carries 7, 5, 4 or 3 payload bits for 1 to 4 bytes.
            var value = UInt32(lead) & (0xFF >> (length == 1 ? 1 : length + 1))
            var complete = true
            for _ in 1..<length {
                switch nextByte() {
                case .byte(let byte) where byte & 0xC0 == 0x80:
                    value = value << 6 | UInt32(byte & 0x3F)
                case .byte(let byte):
                    pushedBackByte = byte
                    complete = false
                case .interrupted:
                    return .interrupted
                case .endOfInput:
                    return .endOfInput
                }
                if !complete {
                    break
                }
            }
            guard complete, let scalar = Unicode.Scalar(value) else {
                continue
            }
            return .character(translatePasted(scalar))
        }
    }

    /// Notes whether a newline is followed by more pasted input, and turns a
    /// pasted tab into a space so it does not trigger completion.
    private func translatePasted(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\r", "\n":
            pasteContinues = isInputPending(withinMilliseconds: Self.pasteGraceMilliseconds)
            return scalar
        case "\t" where isInputPending(withinMilliseconds: 0):
            return " "
        default:
            return scalar
        }
    }

    private func nextByte() -> ByteRead {
        if let byte = pushedBackByte {
            pushedBackByte = nil
            return .byte(byte)
        }
        if editingModes == nil {
            editingModes = Self.currentModes()
        }
        while true {
            if InterruptFlag.shared.isSet {
                return .interrupted
            }
            var request = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Self.wakeIntervalMilliseconds)
            if ready < 0 && errno != EINTR {
                return .endOfInput
            }
            if ready <= 0 {
                if !InterruptFlag.shared.isSet {
                    maintainDisplay()
                }
                continue
            }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 {
                return .byte(byte)
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            }
            return .endOfInput
        }
    }

    private func isInputPending(withinMilliseconds timeout: Int32) -> Bool {
        if pushedBackByte != nil {
            return true
        }
        var request = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, timeout) > 0 && request.revents & Int16(POLLIN) != 0
    }

    /// Follows a window resize (libedit redraws with the new width at the
    /// next key, as after its own SIGWINCH handling), and puts the terminal
    /// back into editing mode if something (a shell after Ctrl-Z and `fg`)
    /// reset it while libedit was not looking.
    private func maintainDisplay() {
        guard let editLine else {
            return
        }
        el_resize(editLine)
        let canonical = tcflag_t(ICANON)
        if let editingModes, editingModes.c_lflag & canonical == 0,
           let current = Self.currentModes(), current.c_lflag & canonical != 0 {
            Self.restoreModes(editingModes)
            cedit_refresh(editLine)
        }
    }

    // MARK: - Completion

    /// Called by libedit when Tab is pressed.
    fileprivate func complete() -> UInt8 {
        guard let editLine, let info = el_wline(editLine) else {
            return UInt8(CC_ERROR)
        }
        let buffer = info.pointee.buffer
        let cursor = info.pointee.cursor
        let end = info.pointee.lastchar
        guard let buffer, let cursor, let end else {
            return UInt8(CC_ERROR)
        }
        let beforeCursor = Self.scalars(from: buffer, count: buffer.distance(to: cursor))
        let line = Self.string(from: Self.scalars(from: buffer, count: buffer.distance(to: end)))
        let wordStart = beforeCursor.lastIndex { $0.properties.isWhitespace }.map { $0 + 1 } ?? 0
        let prefix = Array(beforeCursor[wordStart...])

        // Candidates match the typed word in any case ("gab" → "Gabuev"); the word is then retyped in theirs.
        func folded(_ scalars: [Unicode.Scalar]) -> [String] { scalars.map { String($0).lowercased() } }
        var seen = Set<String>()
        let candidates = completions(Self.string(from: prefix), line).filter { candidate in
            folded(Array(candidate.unicodeScalars)).starts(with: folded(prefix)) && seen.insert(candidate).inserted
        }
        guard let first = candidates.first else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let common = candidates.dropFirst().reduce(Array(first.unicodeScalars)) { common, candidate in
            Array(zip(common, candidate.unicodeScalars).prefix { String($0.0).lowercased() == String($0.1).lowercased() }.map(\.0))
        }
        if common.count >= prefix.count, common != prefix {
            el_deletestr(editLine, Int32(prefix.count))
            let insertion = common.map { wchar_t(bitPattern: $0.value) } + [0]
            insertion.withUnsafeBufferPointer { characters in
                _ = el_winsertstr(editLine, characters.baseAddress)
            }
        }
        if candidates.count == 1 {
            return UInt8(CC_REFRESH)
        }
        list(candidates, on: editLine)
        return UInt8(CC_REDISPLAY)
    }

    /// Prints the candidates in columns below the line being edited; libedit
    /// then redraws the prompt and the line under the list.
    private func list(_ candidates: [String], on editLine: OpaquePointer) {
        let reportedColumns = Int(cedit_columns(editLine))
        let columns = reportedColumns > 0 ? reportedColumns : 80
        let cellWidth = (candidates.map(\.count).max() ?? 0) + 2
        let perRow = max(1, columns / cellWidth)
        var text = "\n"
        for (index, candidate) in candidates.enumerated() {
            if (index + 1) % perRow == 0 || index == candidates.count - 1 {
                text += candidate + "\n"
            } else {
                text += candidate + String(repeating: " ", count: cellWidth - candidate.count)
            }
        }
        write(text, on: editLine)
    }

    // MARK: - Set-up and helpers

    private func configure(_ editLine: OpaquePointer) {
        cedit_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        cedit_set_editor(editLine, "emacs")
        cedit_set_signal_handling(editLine, 1)
        cedit_set_read_function(editLine, readCharacterCallback)
        cedit_set_prompt(editLine, promptCallback, Self.invisibleMarker)
        if let historyList {
            cedit_set_history(editLine, historyList)
        }
        cedit_add_function(
            editLine, Self.completionCommand, "Complete the word before the cursor", completeCallback)
        let bindings = [
            ("^I", Self.completionCommand),
            ("^R", "em-inc-search-prev"),
            ("^W", "ed-delete-prev-word"),
            ("\\e[1;5C", "em-next-word"),
            ("\\e[1;5D", "ed-prev-word"),
        ]
        for (keys, command) in bindings {
            cedit_bind(editLine, keys, command)
        }
    }

    fileprivate var currentPrompt: UnsafeMutablePointer<wchar_t> {
        prompt
    }

    private func setPrompt(_ text: String) {
        let replacement = Self.wideCString(text)
        prompt.deallocate()
        prompt = replacement
    }

    private func write(_ text: String, on editLine: OpaquePointer) {
        guard let stream = cedit_output(editLine) else {
            return
        }
        fputs(text, stream)
        fflush(stream)
    }

    private func save(_ list: OpaquePointer, to file: URL) {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
        if cedit_history_save(list, temporary.path) >= 0 {
            rename(temporary.path, file.path)
        } else {
            unlink(temporary.path)
        }
    }

    fileprivate static func editor(for editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = cedit_client_data(editLine) else {
            return nil
        }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// Returns the first part of a continued line (without the backslash),
    /// or `nil` if the line does not end in `\`.
    private static func continuedPart(of line: String) -> String? {
        let trimmed = line.trimmingTrailingWhitespace()
        guard trimmed.hasSuffix("\\") else {
            return nil
        }
        return String(trimmed.dropLast()).trimmingTrailingWhitespace()
    }

    private static func join(_ parts: [String]) -> String {
        guard parts.count > 1 else {
            return parts.first ?? ""
        }
        return parts
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    private static func sequenceLength(startingWith lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    private static func scalars(from start: UnsafePointer<wchar_t>, count: Int) -> [Unicode.Scalar] {
        UnsafeBufferPointer(start: start, count: max(0, count))
            .compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
    }

    private static func string(from scalars: [Unicode.Scalar]) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    private static func wideCString(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: characters.count)
        buffer.initialize(from: characters, count: characters.count)
        return buffer
    }

    private static func useUTF8CharacterType() {
        setlocale(LC_CTYPE, "")
        guard let codeset = nl_langinfo(Int32(CODESET)), String(cString: codeset) == "UTF-8" else {
            setlocale(LC_CTYPE, "C.UTF-8")
            return
        }
    }

    private static func currentModes() -> termios? {
        var modes = termios()
        return tcgetattr(STDIN_FILENO, &modes) == 0 ? modes : nil
    }

    /// Applies terminal modes unless they are already in force.
    private static func restoreModes(_ wanted: termios) {
        guard let current = currentModes() else {
            return
        }
        let same = current.c_iflag == wanted.c_iflag && current.c_oflag == wanted.c_oflag
            && current.c_cflag == wanted.c_cflag && current.c_lflag == wanted.c_lflag
            && withUnsafeBytes(of: current.c_cc) { currentCharacters in
                withUnsafeBytes(of: wanted.c_cc) { currentCharacters.elementsEqual($0) }
            }
        if !same {
            var modes = wanted
            tcsetattr(STDIN_FILENO, TCSADRAIN, &modes)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        var text = self
        while let last = text.last, last.isWhitespace {
            text.removeLast()
        }
        return text
    }
}

/// libedit's EL_GETCFN callback.
private func readCharacterCallback(
    _ editLine: OpaquePointer?, _ character: UnsafeMutablePointer<wchar_t>?
) -> Int32 {
    guard let character, let editor = LineEditor.editor(for: editLine) else {
        return -1
    }
    return editor.readCharacter(into: character)
}

/// libedit's prompt callback.
private func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<wchar_t>? {
    LineEditor.editor(for: editLine)?.currentPrompt ?? emptyPrompt
}

/// libedit's EL_ADDFN callback for Tab.
private func completeCallback(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    LineEditor.editor(for: editLine)?.complete() ?? UInt8(CC_ERROR)
}

/// The prompt shown if a callback cannot find its editor; libedit does not
/// accept a null prompt.
nonisolated(unsafe) private let emptyPrompt: UnsafeMutablePointer<wchar_t> = {
    let prompt = UnsafeMutablePointer<wchar_t>.allocate(capacity: 1)
    prompt.initialize(to: 0)
    return prompt
}()
