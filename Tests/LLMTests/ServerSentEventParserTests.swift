import Testing
@testable import LLM

@Suite struct ServerSentEventParserTests {
    /// Feeds `text` in pieces of `size` bytes and collects every event, including those flushed at the end.
    private func parse(_ text: String, pieceSize size: Int) -> [ServerSentEvent] {
        let bytes = Array(text.utf8)
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            events += parser.feed(bytes[start..<end])
            start = end
        }
        return events + parser.finish()
    }

    private let stream = "data: {\"a\":1}\n\n: keep-alive\n\nevent: message\ndata: first\ndata: second\n\ndata: [DONE]\n\n"
    private var expected: [ServerSentEvent] {
        [
            ServerSentEvent(data: "{\"a\":1}"),
            ServerSentEvent(event: "message", data: "first\nsecond"),
            ServerSentEvent(data: "[DONE]"),
        ]
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 10_000])
    func splitsAnywhere(pieceSize: Int) {
        #expect(parse(stream, pieceSize: pieceSize) == expected)
    }

    @Test(arguments: [1, 2, 3, 1000])
    func crlfAndCarriageReturnLineEndings(pieceSize: Int) {
        let crlf = stream.replacingOccurrences(of: "\n", with: "\r\n")
        let cr = stream.replacingOccurrences(of: "\n", with: "\r")
        #expect(parse(crlf, pieceSize: pieceSize) == expected)
        #expect(parse(cr, pieceSize: pieceSize) == expected)
    }

    @Test func multiByteCharactersSplitAcrossPieces() {
        let text = "data: Grüße ☕ 👋\n\n"
        #expect(parse(text, pieceSize: 1) == [ServerSentEvent(data: "Grüße ☕ 👋")])
    }

    @Test func eventsAreReturnedAsSoonAsTheyEnd() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array("data: one\n".utf8)).isEmpty)
        #expect(parser.feed(Array("\ndata: tw".utf8)) == [ServerSentEvent(data: "one")])
        #expect(parser.feed(Array("o\n\n".utf8)) == [ServerSentEvent(data: "two")])
    }

    @Test func commentsAndUnknownFieldsAreSkipped() {
        let text = ":\n: ping\nid: 7\nretry: 100\nfoo: bar\n\ndata: x\n\n"
        #expect(parse(text, pieceSize: 4) == [ServerSentEvent(data: "x")])
    }

    @Test func errorLinesBecomeErrorEvents() {
        let text = "data: {\"ok\":1}\n\nerror: {\"message\":\"boom\"}\n\n"
        #expect(parse(text, pieceSize: 3) == [
            ServerSentEvent(data: "{\"ok\":1}"),
            ServerSentEvent(data: "", error: "{\"message\":\"boom\"}"),
        ])
    }

    @Test func fieldsWithoutSpaceOrValue() {
        let text = "data:tight\ndata\ndata:  two spaces\n\n"
        #expect(parse(text, pieceSize: 2) == [ServerSentEvent(data: "tight\n\n two spaces")])
    }

    @Test func unfinishedEventIsFlushedAtTheEnd() {
        #expect(parse("data: last", pieceSize: 3) == [ServerSentEvent(data: "last")])
        #expect(parse("data: last\n", pieceSize: 3) == [ServerSentEvent(data: "last")])
    }

    @Test func byteOrderMarkAtTheStartIsIgnored() {
        #expect(parse("\u{FEFF}data: x\n\n", pieceSize: 1) == [ServerSentEvent(data: "x")])
    }

    @Test func eventNameWithoutDataIsDropped() {
        #expect(parse("event: ping\n\ndata: y\n\n", pieceSize: 5) == [ServerSentEvent(data: "y")])
    }
}
