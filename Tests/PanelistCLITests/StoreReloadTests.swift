import Foundation
import Testing

/// `panelist serve` reopens its store on SIGHUP and stops gracefully on SIGTERM.
@Suite struct StoreReloadTests {
    @Test func hangUpServesTheStoreRenamedIntoPlaceAndABadOneIsRefused() throws {
        let binary = try PanelistBinary()
        let folder = binary.home
        func corpus(_ name: String, _ expert: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try "\(expert), analyst of the Example Desk.\n\nWhat about rivers?\n\nRivers carry silt to the delta every spring.\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let store = folder.appendingPathComponent("store.sqlite").path
        #expect(try binary.run(["index", try corpus("one.txt", "Cora Before"), "--store", store]).status == 0)
        #expect(try binary.run(["index", try corpus("two.txt", "Dana After"), "--store", store + ".next"]).status == 0)
        let server = try RunningServer(binary: binary, arguments: ["--store", store])
        let ask: [String: Any] = ["method": "POST", "path": "/v1/ask", "body": #"{"question": "What about rivers?"}"#]
        #expect(try server.probe([ask], binary: binary).first?.body.contains("Cora Before") == true)

        // A damaged file at the path is not taken: the server keeps answering from the store it has.
        try FileManager.default.moveItem(atPath: store, toPath: store + ".old")
        try Data("not a store".utf8).write(to: URL(fileURLWithPath: store))
        server.send(SIGHUP)
        #expect(try waitForLog(server, "store not reopened"))
        #expect(try server.probe([ask], binary: binary).first?.body.contains("Cora Before") == true)

        try FileManager.default.removeItem(atPath: store)
        try FileManager.default.moveItem(atPath: store + ".next", toPath: store)
        server.send(SIGHUP)
        #expect(try waitForLog(server, "store reopened"))
        let after = try #require(try server.probe([ask], binary: binary).first)
        #expect(after.status == 200 && after.body.contains("Dana After"))
        #expect(server.stop() == 0)
        #expect(try String(contentsOf: server.log, encoding: .utf8).contains(#""message":"server stopped""#))
    }

    /// Waits up to 10 s for `fragment` to appear in the server's log.
    private func waitForLog(_ server: RunningServer, _ fragment: String) throws -> Bool {
        for _ in 0..<100 {
            if try String(contentsOf: server.log, encoding: .utf8).contains(fragment) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }
}
