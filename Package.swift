// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Panelist",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "panelist", targets: ["panelist"]),
        .executable(name: "panelist-server", targets: ["panelist-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libcurl's headers (libcurl4-openssl-dev); the library itself is opened on first use (CCurl.h).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // ISA-L's igzip (libisal-dev, no pkg-config file): inflates .jsonl.gz corpora four times as fast as zlib.
        .systemLibrary(
            name: "CISAL",
            providers: [.apt(["libisal-dev"])]
        ),
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // Removes a build's temporary file when a signal ends the process (async-signal-safe, so C).
        .target(name: "CTemporaryFiles"),
        // glibc's mallopt: a build under an address-space limit shares one malloc arena.
        .systemLibrary(name: "CMalloc"),
        // OpenBLAS's cblas_sgemm (libopenblas-dev), opened with dlopen when the encoder first runs (COpenBLAS.h).
        .target(name: "COpenBLAS", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "Corpus", dependencies: ["CISAL"]),
        .target(name: "Retrieval", dependencies: ["Corpus"]),
        .target(name: "Store", dependencies: ["CSQLite", "CZstd", "CTemporaryFiles", "CMalloc", "Corpus", "Retrieval", "Encoder"]),
        // Searching a store: the question's query and expansions, ranking by words and meaning.
        .target(name: "Search", dependencies: ["Corpus", "Retrieval", "Store", "Encoder"]),
        .target(name: "Answering", dependencies: ["Corpus", "Retrieval", "Store", "Encoder", "Search"]),
        // Every way an answer or a search is shown: terminal text, Markdown, JSON.
        .target(name: "Rendering", dependencies: ["Corpus", "Retrieval", "Search", "Answering"]),
        .target(name: "LLM", dependencies: ["CCurl", "Encoder"]),
        .target(name: "Generation", dependencies: ["Corpus", "Retrieval", "Search", "Answering", "LLM"]),
        // The conversation log: every chat and ask turn in SQLite (WAL, FTS5), to continue and search.
        .target(name: "Conversations", dependencies: ["Store", "Answering", "Rendering"]),
        .target(name: "REPL", dependencies: ["CEditLine", "Corpus", "Retrieval", "Store", "Search", "Answering", "Rendering", "Conversations"]),
        // The encoder's arithmetic is optimised in debug builds too: unoptimised SIMD code runs ~100× slower
        // (a 220-token text took 12 s), and the tests run the real model over the exactness fixture.
        .target(
            name: "Encoder",
            dependencies: ["COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // The service: one read-only store shared by concurrent requests (`Panel`), for the HTTP and MCP servers.
        .target(name: "Service", dependencies: ["Corpus", "Store", "Search", "Answering", "Rendering", "Encoder", .product(name: "Logging", package: "swift-log")]),
        .target(
            name: "HTTPService",
            dependencies: ["Service", "Answering", "Rendering", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "MCPServer",
            dependencies: ["Service", "Answering", "Rendering", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log")]
        ),
        // The error ending that both executables share (messages without control characters).
        .target(name: "CommandSupport", dependencies: ["Corpus", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .target(name: "Evaluation", dependencies: ["Corpus", "Retrieval", "Store", "Search", "Answering", "Encoder"]),
        // The bundled corpus lives in the top-level `store/` folder; this target carries it as a resource.
        .target(
            name: "Bundled",
            dependencies: ["Corpus", "Retrieval", "Store"],
            path: ".",
            exclude: ["Sources/CSQLite", "Sources/CEditLine", "Sources/CCurl", "Sources/CISAL", "Sources/CZstd", "Sources/CTemporaryFiles", "Sources/CMalloc", "Sources/COpenBLAS", "Sources/Encoder", "Sources/LLM", "Sources/Generation", "Sources/Corpus", "Sources/Retrieval", "Sources/Store",
                      "Sources/Search", "Sources/Answering", "Sources/Rendering", "Sources/Conversations", "Sources/Evaluation", "Sources/Service", "Sources/HTTPService", "Sources/MCPServer", "Sources/panelist-server", "Sources/CommandSupport", "Sources/REPL", "Sources/panelist",
                      "Tests", "docs", "scripts", ".ci", "Fuzz", "README.md", "Makefile"],
            sources: ["Sources/Bundled"],
            resources: [.copy("store/carnegie-moscow-experts.txt"), .copy("store/lexicon.tsv"), .copy("prompts")]
        ),
        .executableTarget(
            name: "panelist",
            dependencies: [
                "Corpus", "Retrieval", "Store", "Search", "Answering", "Rendering", "Conversations", "Evaluation", "Bundled", "REPL", "LLM", "Generation",
                "Encoder", "Service", "CommandSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `panelist serve` and `panelist mcp` run this program, installed beside `panelist`: SwiftNIO,
        // Hummingbird and the MCP SDK (whose FoundationNetworking links libcurl, TLS, Kerberos) would
        // otherwise slow every one-shot command's start (see Sources/panelist-server/PanelistServer.swift).
        .executableTarget(
            name: "panelist-server",
            dependencies: [
                "HTTPService", "MCPServer", "Service", "Bundled", "CommandSupport", "Encoder", "LLM", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RetrievalTests", dependencies: ["Retrieval", "Corpus"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Retrieval", "Corpus", "Bundled", "Encoder", "TestSupport"]),
        .testTarget(name: "AnsweringTests", dependencies: ["Answering", "Search", "Store", "Retrieval", "Corpus", "Bundled"]),
        .target(name: "TestSupport", path: "Tests/TestSupport", resources: [.copy("fake_llm_server.py")]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "TestSupport"]),
        .testTarget(name: "GenerationTests", dependencies: ["Generation", "Search", "Answering", "LLM", "Bundled", "Store", "Corpus", "Retrieval", "TestSupport"]),
        .testTarget(name: "EncoderTests", dependencies: ["Encoder"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConversationsTests", dependencies: ["Conversations", "Search", "Answering", "Bundled", "Store"]),
        .testTarget(name: "ServiceTests", dependencies: ["Service", "Encoder"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Search", "Answering", "Rendering", "Bundled", "Store"]),
        // Clients/: the Python scripts that drive the service with the official MCP and OpenAI clients.
        .testTarget(name: "PanelistCLITests", dependencies: ["panelist", "panelist-server", "Corpus", "Retrieval", "Store", "Search", "Answering", "Encoder", "TestSupport"], exclude: ["Clients"]),
    ]
)
