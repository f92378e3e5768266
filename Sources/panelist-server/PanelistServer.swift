import ArgumentParser
import Bundled
import CommandSupport
import Encoder
import Foundation
import LLM
import Service
import Store

/// `panelist-server`: the long-running services, `serve` (HTTP) and `mcp` (Model Context Protocol), which
/// `panelist serve …` and `panelist mcp …` run with their options.
///
/// A program of its own so that `panelist`'s one-shot commands load none of it: SwiftNIO, Hummingbird
/// and the MCP SDK add ~40 MB of code (~30,000 relocations at every start), and the MCP SDK imports
/// FoundationNetworking, which links libcurl with its TLS, Kerberos and LDAP libraries (~9 ms a start).
@main
struct PanelistServer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panelist",
        abstract: "Panelist's services: the HTTP server and the MCP server.",
        version: "0.1.0",
        subcommands: [Serve.self, MCP.self]
    )

    /// Runs the command (see `runWithCleanMessages`).
    static func main() {
        runWithCleanMessages()
    }
}

/// The `--store` option of the services.
struct StoreOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file to serve (default: the bundled corpus's store).", valueName: "file"))
    var store: String?

    @Option(
        name: .customLong("model-dir"),
        help: ArgumentHelp("The folder with the sentence encoder's model (default: $PANELIST_MODEL_DIR, else the cache that make deps fills).", valueName: "dir"))
    var modelDirectory: String?

    /// The store's path and what embeds its questions: the default store is built from the bundled
    /// corpus first when needed, with vectors when the encoder is available; a store with vectors gets
    /// the encoder that made them, or a notice on standard error saying why matching by meaning is off.
    /// OpenBLAS runs on each request's own thread: concurrent requests already keep the cores busy, and
    /// its thread pool, shared by all of them, made every question wait for the others (148 requests/s
    /// against 1,524 by words alone, 50 clients on the bundled corpus).
    func open() throws -> (path: String, embedder: (any TextEmbedder)?) {
        let model = ModelFiles.locate(modelDirectory: modelDirectory)
        let source: MeaningSource?
        let path: String
        if let store {
            path = store
            source = MeaningSource.forVectors(try PassageStore(path: store).vectorEncoder, model: model)
        } else {
            let encoder = EncoderAvailability.load(model, singleThreaded: true)
            let defaultStore = DefaultStore()
            let opened = try defaultStore.open(embedder: encoder.encoder)
            path = defaultStore.path
            source = opened.store.vectorEncoder == nil ? nil : MeaningSource(encoder)
        }
        if let notice = source?.notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
        return (path, source?.embedder)
    }
}
