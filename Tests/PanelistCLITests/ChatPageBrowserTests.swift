import Foundation
import Testing

/// The chat page of `panelist serve` in a real browser (headless Chromium): it asks a question, and the
/// rendered page has the streamed answer and a citation card; a screenshot is kept under
/// `.build/test-artifacts/`.
@Suite struct ChatPageBrowserTests {
    @Test func browserShowsTheAnswerAndItsCitationCards() throws {
        try PanelistBinary.buildDefaultStore()
        let binary = try PanelistBinary()
        let server = try RunningServer(binary: binary)
        let question = "What does Gabuev say about sanctions?"
        let page = server.url + "/?q=" + (question.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")

        let dom = try chromium(["--dump-dom", page], binary: binary)
        let answer = try #require(JSONSerialization.jsonObject(with: Data(binary.run(["ask", question, "--json"]).stdout.utf8)) as? [String: Any])
        let citation = try #require((answer["citations"] as? [[String: Any]])?.first)
        let turn = try #require(dom.range(of: #"<div class="turn" data-done="true">"#).map { String(dom[$0.lowerBound...]) })
        #expect(turn.contains(#"<div class="question">\#(question)</div>"#))
        let expectedAnswer = try #require(answer["answer"] as? String)
        #expect(turn.contains(#"<div class="answer">\#(expectedAnswer.htmlEscaped)</div>"#))
        #expect(turn.contains(#"<details class="citation" open="" data-passage-id="\#(citation["passage_id"] as? String ?? "?")">"#))
        #expect(turn.contains(#"<span class="expert">\#(citation["expert"] as? String ?? "?")</span>"#))
        let passage = try #require((answer["passages"] as? [[String: Any]])?.first { $0["id"] as? String == citation["passage_id"] as? String })
        #expect(turn.contains(#"<blockquote class="passage">\#((passage["text"] as? String ?? "?").htmlEscaped)</blockquote>"#))

        let artifacts = ServiceClients.repository.appendingPathComponent(".build/test-artifacts")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let screenshot = artifacts.appendingPathComponent("chat-page.png")
        try? FileManager.default.removeItem(at: screenshot)
        _ = try chromium(["--window-size=900,1100", "--hide-scrollbars", "--screenshot=\(screenshot.path)", page], binary: binary)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
        #expect(server.stop() == 0)
    }

    /// Runs headless Chromium on a page, giving its scripts up to 15 s of virtual time, and returns its output.
    private func chromium(_ arguments: [String], binary: PanelistBinary) throws -> String {
        let profile = binary.home.appendingPathComponent("chromium-\(UUID().uuidString)")
        let run = try binary.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                                  "--virtual-time-budget=15000"] + arguments,
                                 executable: ServiceClients.systemProgram("chromium"))
        guard run.status == 0 else { throw ServiceSetupFailure(description: "chromium exited \(run.status): \(run.stderr.suffix(2_000))") }
        return run.stdout
    }
}

private extension String {
    /// The text as Chromium serialises a text node.
    var htmlEscaped: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
