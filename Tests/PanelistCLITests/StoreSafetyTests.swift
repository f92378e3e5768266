import Foundation
import Store
import Testing

/// Panelist overwrites a path only when it holds nothing or a Panelist store, and rebuilds the
/// default store only when it is the bundled corpus's own (issue 13, items 1, 2 and 13).
@Suite struct StoreSafetyTests {
    /// A file that is not a store, and its bytes, to check it is left as it was.
    struct Keepsake {
        let path: String
        let bytes: Data

        init(_ path: String) throws {
            self.path = path
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        }

        var isIntact: Bool { (try? Data(contentsOf: URL(fileURLWithPath: path))) == bytes }
    }

    /// A foreign SQLite database and a text file in `folder`.
    static func foreignFiles(in folder: URL) throws -> [Keepsake] {
        let database = folder.appendingPathComponent("x.db").path
        try Database(path: database, mode: .readWrite).execute("CREATE TABLE t(a); INSERT INTO t VALUES (1)")
        let text = folder.appendingPathComponent("notes.txt")
        try "My notes.\n".write(to: text, atomically: true, encoding: .utf8)
        return try [database, text.path].map(Keepsake.init)
    }

    /// The bundled corpus's store as a newer Panelist would write it: not to be downgraded by a query.
    static func newerStore(in folder: URL) throws -> Keepsake {
        let path = folder.appendingPathComponent("newer.sqlite").path
        let database = try Database(path: path, mode: .readWrite)
        try database.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('origin', 'bundled')")
        try database.execute("PRAGMA application_id = \(Schema.applicationID); PRAGMA user_version = \(Schema.currentVersion + 1)")
        return try Keepsake(path)
    }

    @Test func aQueryNeverRebuildsOverAFileThatIsNotTheBundledStore() throws {
        let binary = try PanelistBinary()
        for file in try Self.foreignFiles(in: binary.home) + [Self.newerStore(in: binary.home)] {
            let run = try binary.run(["ask", "sanctions"], environment: ["PANELIST_STORE": file.path])
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(file.isIntact, "\(file.path) was changed")
        }
    }

    @Test func aUsersOwnIndexAtTheDefaultPathIsNotReplacedAfterAnUpgrade() throws {
        let binary = try PanelistBinary()
        let notes = binary.home.appendingPathComponent("notes.md")
        try "# Tariffs?\n\nTariffs raise consumer prices.\n".write(to: notes, atomically: true, encoding: .utf8)
        let path = binary.home.appendingPathComponent("default.sqlite").path
        #expect(try binary.run(["index", notes.path, "--store", path]).status == 0)
        try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = \(Schema.currentVersion - 1)")
        let store = try Keepsake(path)
        let run = try binary.run(["ask", "tariffs"], environment: ["PANELIST_STORE": path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("older schema"))
        #expect(store.isIntact)
    }

    @Test func theBundledStoreOfAnOlderSchemaIsRebuilt() throws {
        let binary = try PanelistBinary()
        let path = binary.home.appendingPathComponent("default.sqlite").path
        #expect(try binary.run(["ask", "sanctions"], environment: ["PANELIST_STORE": path]).status == 0)
        try Database(path: path, mode: .readWrite).execute("PRAGMA user_version = \(Schema.currentVersion - 1)")
        let run = try binary.run(["ask", "sanctions"], environment: ["PANELIST_STORE": path])
        #expect(run.status == 0)
        #expect(StoreFile(at: path) == .store(schema: Schema.currentVersion))
    }

    @Test func indexRefusesToReplaceWhatIsNotAStore() throws {
        let binary = try PanelistBinary()
        let input = binary.home.appendingPathComponent("i.txt")
        try "Q: What about wheat?\n\nWheat harvests fell.\n".write(to: input, atomically: true, encoding: .utf8)
        for file in try Self.foreignFiles(in: binary.home) + [Keepsake(input.path)] {
            let run = try binary.run(["index", input.path, "--store", file.path])
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(run.stderr.contains("left as it is"))
            #expect(file.isIntact, "\(file.path) was changed")
        }
        let folder = binary.home.appendingPathComponent("a-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(try binary.run(["index", input.path, "--store", folder.path]).stderr.contains("is a folder"))
        let device = try binary.run(["index", input.path, "--store", "/dev/null"])
        #expect(device.status != 0)
        #expect(device.stderr.contains("a device, FIFO or socket"))
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        let query = try binary.run(["search", "wheat", "--store", "/dev/null"])
        #expect(query.status != 0)
        #expect(query.stderr.contains("a device, FIFO or socket"))
    }

    /// `index` keeps the lexicon's analysis in the cache folder and the next build reads it there,
    /// to the same store; a file there that is not such an analysis is left as it is.
    @Test func theLexiconsAnalysisIsKeptInTheCacheFolderButNeverOverAnotherFile() throws {
        let binary = try PanelistBinary()
        let input = binary.home.appendingPathComponent("i.txt")
        try "Q: What about wheat?\n\nWheat harvests fell after the sanctions.\n".write(to: input, atomically: true, encoding: .utf8)
        let cache = ["XDG_CACHE_HOME": binary.home.appendingPathComponent("cache").path]
        let kept = binary.home.appendingPathComponent("cache/panelist/analysed-lexicon").path
        var results: [String] = []
        for store in ["first.sqlite", "second.sqlite"] {
            #expect(try binary.run(["index", input.path, "--store", store], environment: cache).status == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: kept)).starts(with: LexiconCache.magic))
            results.append(try binary.run(["search", "crop", "--json", "--explain", "--store", store]).stdout)
        }
        #expect(results[0] == results[1])
        #expect(results[0].contains("harvest"))
        let other = ["XDG_CACHE_HOME": binary.home.appendingPathComponent("other").path]
        let notes = binary.home.appendingPathComponent("other/panelist/analysed-lexicon")
        try FileManager.default.createDirectory(at: notes.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "My notes.\n".write(to: notes, atomically: true, encoding: .utf8)
        let file = try Keepsake(notes.path)
        #expect(try binary.run(["index", input.path, "--store", "third.sqlite"], environment: other).status == 0)
        #expect(file.isIntact)
        #expect(try binary.run(["search", "crop", "--json", "--explain", "--store", "third.sqlite"]).stdout == results[0])
    }

    @Test func aSymbolicLinkIsFollowedAndPermissionsAreKept() throws {
        let binary = try PanelistBinary()
        let input = binary.home.appendingPathComponent("i.md")
        try "# Wheat?\n\nWheat harvests fell.\n".write(to: input, atomically: true, encoding: .utf8)
        let real = binary.home.appendingPathComponent("real.sqlite").path
        let link = binary.home.appendingPathComponent("link.sqlite").path
        #expect(try binary.run(["index", input.path, "--store", real]).status == 0)
        chmod(real, 0o444)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.sqlite")
        try "# Rye?\n\nRye prices rose.\n".write(to: input, atomically: true, encoding: .utf8)
        #expect(try binary.run(["index", input.path, "--store", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.sqlite")
        var status = stat()
        #expect(stat(real, &status) == 0 && status.st_mode & 0o777 == 0o444)
        let search = try binary.run(["search", "rye", "--store", link, "--json"])
        #expect(try PanelistBinary.decode(SearchJSON.self, from: search).passages.first?.text == "Rye prices rose.")
    }

    @Test func anUnwritableStoreFolderIsOneLine() throws {
        let binary = try PanelistBinary()
        let file = binary.home.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let run = try binary.run(["ask", "sanctions"], environment: ["XDG_CACHE_HOME": file.appendingPathComponent("cache").path])
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("cannot create the folder"))
    }

    @Test func aStoreMissingATableIsDamagedNotARawSQLError() throws {
        let binary = try PanelistBinary()
        let path = binary.home.appendingPathComponent("s.sqlite").path
        let input = binary.home.appendingPathComponent("i.md")
        try "# Wheat?\n\nWheat harvests fell.\n".write(to: input, atomically: true, encoding: .utf8)
        #expect(try binary.run(["index", input.path, "--store", path]).status == 0)
        for table in ["vocabulary", "terms"] {
            let copy = binary.home.appendingPathComponent("\(table).sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            try Database(path: copy, mode: .readWrite).execute("DROP TABLE \(table)")
            let run = try binary.run(["search", "wheat", "--store", copy])
            #expect(run.status != 0)
            #expect(run.stderr == "Error: \(copy) is damaged (its \(table) table is missing); rebuild it with `panelist index FILES… --store \(copy)`\n")
        }
    }
}
