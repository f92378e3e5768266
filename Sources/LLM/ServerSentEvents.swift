/// One event of a `text/event-stream` response.
struct ServerSentEvent: Equatable, Sendable {
    /// The `event:` field, when the server named the event type.
    var event: String?
    /// The `data:` lines of the event, joined with line feeds.
    var data: String
    /// The non-standard `error:` lines some servers (llama.cpp) send instead of `data:`, joined with line feeds.
    var error: String?

    init(event: String? = nil, data: String, error: String? = nil) {
        self.event = event
        self.data = data
        self.error = error
    }
}

/// An incremental parser for server-sent events.
///
/// Feed it the response body in pieces of any size, split anywhere (inside a line, inside a UTF-8
/// character, between CR and LF); it returns each event once the blank line that ends it has arrived.
/// Lines may end in LF, CRLF or CR. Lines starting with `:` are comments (keep-alives) and are
/// skipped; several `data:` lines in one event are joined with `\n`; `id:` and `retry:` are ignored.
struct ServerSentEventParser {
    private var line: [UInt8] = []
    private var skipNextLineFeed = false
    private var atStreamStart = true
    private var eventName: String?
    private var dataLines: [String] = []
    private var errorLines: [String] = []

    /// Parses the next piece of the stream.
    ///
    /// - Parameter bytes: The bytes that arrived.
    /// - Returns: The events completed by these bytes, in order.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if skipNextLineFeed {
                skipNextLineFeed = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                processLine(into: &events)
            case UInt8(ascii: "\r"):
                processLine(into: &events)
                skipNextLineFeed = true
            default:
                line.append(byte)
            }
        }
        return events
    }

    /// Ends the stream, returning an event whose closing blank line never came.
    ///
    /// - Returns: The last event, if the stream ended in the middle of one.
    mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if !line.isEmpty {
            processLine(into: &events)
        }
        dispatch(into: &events)
        return events
    }

    private mutating func processLine(into events: inout [ServerSentEvent]) {
        var bytes = line[...]
        line.removeAll(keepingCapacity: true)
        if atStreamStart {
            atStreamStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = bytes.dropFirst(3)
            }
        }
        if bytes.isEmpty {
            dispatch(into: &events)
            return
        }
        if bytes.first == UInt8(ascii: ":") {
            return
        }
        let field: String
        let value: String
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            field = String(decoding: bytes[..<colon], as: UTF8.self)
            var rest = bytes[bytes.index(after: colon)...]
            if rest.first == UInt8(ascii: " ") {
                rest = rest.dropFirst()
            }
            value = String(decoding: rest, as: UTF8.self)
        } else {
            field = String(decoding: bytes, as: UTF8.self)
            value = ""
        }
        switch field {
        case "data":
            dataLines.append(value)
        case "event":
            eventName = value
        case "error":
            errorLines.append(value)
        default:
            break
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            eventName = nil
            dataLines.removeAll()
            errorLines.removeAll()
        }
        guard !dataLines.isEmpty || !errorLines.isEmpty else { return }
        events.append(ServerSentEvent(
            event: eventName,
            data: dataLines.joined(separator: "\n"),
            error: errorLines.isEmpty ? nil : errorLines.joined(separator: "\n")))
    }
}
