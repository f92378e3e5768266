/// Why the sentence encoder cannot run.
///
/// The message is one line: what is wrong, where, and how to fix it (usually `scripts/fetch-model.sh`).
/// A command that can work without meaning prints it as a notice and carries on lexically
/// (`EncoderAvailability`); `panelist embed` prints it and fails.
public struct EncoderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of failure this is.
    public struct Code: Equatable, Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Equatable, Hashable, Sendable {
            case modelMissing, modelDamaged, libraryUnavailable, addressSpaceLimited
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The model folder or one of its files (`model.safetensors`, `vocab.txt`) is not there.
        public static let modelMissing = Code(.modelMissing)
        /// A model file is there but is not the file Panelist was built for: wrong size or hash, a
        /// malformed header, a missing tensor, a vocabulary of the wrong shape.
        public static let modelDamaged = Code(.modelDamaged)
        /// OpenBLAS, which does the encoder's matrix products, could not be loaded.
        public static let libraryUnavailable = Code(.libraryUnavailable)
        /// An address-space limit (`ulimit -v`) leaves too little room for the weights and OpenBLAS's buffers.
        public static let addressSpaceLimited = Code(.addressSpaceLimited)

        public var description: String { kind.rawValue }
    }

    public var code: Code
    /// One line: what went wrong, where, and what to do.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
