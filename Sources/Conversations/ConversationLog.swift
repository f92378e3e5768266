import Answering
import Foundation
import Rendering
import Store

/// Every chat and `ask` turn, kept in an SQLite file so a conversation can be continued and an
/// earlier answer found (`panelist logs`, `ask -c`, `chat --continue`).
///
/// The file is `conversations.sqlite` in the data folder (`DataFolder`). It holds the question, the
/// answer's text, its citations, mode, options and time — never a language model's settings or key.
/// Several processes may write it at once (two chats): it is in WAL mode, each turn is one
/// `BEGIN IMMEDIATE` transaction, and a writer that finds it locked waits (`busyWait`) instead of
/// failing. `turns_text` is an FTS5 index of questions and answers, kept by a trigger.
///
/// ```swift
/// let log = try ConversationLog(path: ConversationLog.defaultPath())
/// let first = try log.append(LoggedTurn(answer, options: options, corpus: "default"), to: nil)
/// try log.append(LoggedTurn(next, options: options, corpus: "default"), to: first.conversation)
/// ```
public final class ConversationLog {
    private let database: Database
    /// The log file's path.
    public var path: String { database.path }

    /// How long a writer waits for another process's transaction, in milliseconds.
    static let busyWait: Int32 = 10_000
    /// How many frames (pages) the write-ahead log may reach before a commit checkpoints and truncates
    /// it: SQLite's default for its automatic checkpoint, about 4 MB, a hundred turns or so.
    static let checkpointFrames: Int32 = 1000
    /// `user_version` of the current schema.
    static let schemaVersion: Int64 = 1

    /// The log in `folder` (`conversations.sqlite`).
    public static func defaultPath(in folder: DataFolder = DataFolder()) -> String {
        folder.file("conversations.sqlite")
    }

    /// Opens the log at `path`, creating it and its folder when missing.
    ///
    /// - Throws: `DatabaseError` when the file cannot be created or is not a conversation log.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError(.cannotWrite, message: "cannot create \(folder.path) for the conversation log; set XDG_DATA_HOME to a folder you can write to, or pass --no-log")
        }
        database = try Database(path: path, mode: .readWrite)
        database.waitWhenBusy(milliseconds: Self.busyWait)
        // In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
        // turns but never damages the log. With no checkpoint on close either, logging an `ask` costs
        // no fsync (it cost 20–45 ms of one on this machine), except for the one in about a hundred
        // that checkpoints and truncates the write-ahead log.
        try database.execute("PRAGMA synchronous = NORMAL")
        database.checkpointOnlyWhenTheLogReaches(frames: Self.checkpointFrames)
        try migrate()
    }

    /// Creates the tables once; a log of a newer Panelist is refused rather than changed.
    private func migrate() throws {
        if try database.pragma("user_version") == Self.schemaVersion { return }
        try database.execute("PRAGMA journal_mode = WAL")
        try database.transaction {
            let version = try database.pragma("user_version")
            guard version < Self.schemaVersion else {
                if version == Self.schemaVersion { return }
                throw DatabaseError(.newerVersion, message: "\(path) is a conversation log of a newer Panelist (schema \(version)); upgrade Panelist or pass --no-log")
            }
            try database.execute("""
                CREATE TABLE conversations(id INTEGER PRIMARY KEY, started REAL NOT NULL, corpus TEXT NOT NULL);
                CREATE TABLE turns(
                    id INTEGER PRIMARY KEY, conversation INTEGER NOT NULL REFERENCES conversations(id), time REAL NOT NULL,
                    corpus TEXT NOT NULL, mode TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL,
                    abstained INTEGER NOT NULL, citations TEXT NOT NULL, k INTEGER NOT NULL, expert TEXT);
                CREATE INDEX turns_by_conversation ON turns(conversation, id);
                CREATE VIRTUAL TABLE turns_text USING fts5(question, answer, content='turns', content_rowid='id');
                CREATE TRIGGER turns_indexed AFTER INSERT ON turns BEGIN
                    INSERT INTO turns_text(rowid, question, answer) VALUES (new.id, new.question, new.answer);
                END;
                PRAGMA user_version = \(Self.schemaVersion);
                """)
        }
    }

    /// Starts an empty conversation (after `:clear`, which must not be continued from the turns before it).
    ///
    /// - Returns: Its id.
    public func startConversation(corpus: String, time: Date = Date()) throws -> Int64 {
        try database.transaction { try insertConversation(corpus: corpus, time: time) }
    }

    private func insertConversation(corpus: String, time: Date) throws -> Int64 {
        let start = try database.statement("INSERT INTO conversations(started, corpus) VALUES (?, ?)")
        try start.bind(time.timeIntervalSince1970, corpus)
        try start.run()
        return database.lastInsertedRowID
    }

    /// Appends `turn` to conversation `conversation`, or to a new conversation when it is nil (in
    /// the same transaction, so a conversation never exists without its first turn).
    ///
    /// - Returns: The turn with its ids.
    @discardableResult
    public func append(_ turn: LoggedTurn, to conversation: Int64?) throws -> LoggedTurn {
        let citations = String(decoding: try JSONEncoder().encode(turn.citations), as: UTF8.self)
        return try database.transaction {
            let conversation = try conversation ?? insertConversation(corpus: turn.corpus, time: turn.time)
            let insert = try database.statement("""
                INSERT INTO turns(conversation, time, corpus, mode, question, answer, abstained, citations, k, expert)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            try insert.bind(conversation, turn.time.timeIntervalSince1970, turn.corpus, turn.mode.rawValue, turn.question, turn.answer,
                            turn.abstained ? 1 : 0, citations, turn.k, turn.expert)
            try insert.run()
            var logged = turn
            logged.conversation = conversation
            logged.turn = database.lastInsertedRowID
            return logged
        }
    }

    /// Whether conversation `id` exists.
    public func contains(conversation id: Int64) throws -> Bool {
        let query = try database.statement("SELECT 1 FROM conversations WHERE id = ?")
        try query.bind(id)
        defer { query.reset() }
        return try query.step()
    }

    /// The conversation with the latest activity — its last turn, or its start when it has none
    /// (a chat cleared with `:clear`) — if any.
    public func lastConversation() throws -> Int64? {
        let query = try database.statement("""
            SELECT id FROM conversations
            ORDER BY max(started, coalesce((SELECT max(time) FROM turns WHERE conversation = conversations.id), 0)) DESC,
                coalesce((SELECT max(id) FROM turns WHERE conversation = conversations.id), 0) DESC, id DESC
            LIMIT 1
            """)
        defer { query.reset() }
        return try query.step() ? query.int64(at: 0) : nil
    }

    /// The last `limit` turns of conversation `id`, oldest first.
    public func turns(of id: Int64, limit: Int = Int(Int32.max)) throws -> [LoggedTurn] {
        try select("WHERE turns.conversation = ? ORDER BY turns.id DESC LIMIT ?", id, limit).reversed()
    }

    /// The last `limit` turns of the whole log, oldest first.
    public func recent(limit: Int) throws -> [LoggedTurn] {
        try select("ORDER BY turns.id DESC LIMIT ?", limit).reversed()
    }

    /// The turns whose question or answer hold every word of `text` (FTS5, words matched in any
    /// order, case and diacritics ignored), best match first, at most `limit`.
    public func search(_ text: String, limit: Int) throws -> [LoggedTurn] {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard !words.isEmpty else { return [] }
        // Each word quoted, so FTS5 operators and punctuation in the text are taken literally.
        let match = words.map { "\"\($0)\"" }.joined(separator: " ")
        return try select("JOIN turns_text ON turns_text.rowid = turns.id WHERE turns_text MATCH ? ORDER BY turns_text.rank LIMIT ?",
                          match, limit)
    }

    private func select<each Value: Bindable>(_ tail: String, _ values: repeat each Value) throws -> [LoggedTurn] {
        let query = try database.statement(
            """
            SELECT turns.conversation, turns.id, turns.time, turns.corpus, turns.mode, turns.question, turns.answer,
                turns.abstained, turns.citations, turns.k, turns.expert FROM turns
            """ + " " + tail)
        try query.bind(repeat each values)
        defer { query.reset() }
        var turns: [LoggedTurn] = []
        while try query.step() {
            let citations = (try? JSONDecoder().decode([CitationOutput].self, from: Data(query.string(at: 8).utf8))) ?? []
            turns.append(LoggedTurn(
                conversation: query.int64(at: 0), turn: query.int64(at: 1), time: Date(timeIntervalSince1970: query.double(at: 2)),
                corpus: query.string(at: 3), mode: AnswerMode(rawValue: query.string(at: 4)) ?? .extractive, question: query.string(at: 5), answer: query.string(at: 6),
                abstained: query.int(at: 7) != 0, citations: citations, k: query.int(at: 9),
                expert: query.isNull(at: 10) ? nil : query.string(at: 10)))
        }
        return turns
    }
}
