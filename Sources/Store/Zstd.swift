import CZstd

/// Compression in Zstandard frames that record their content size and close with a checksum of
/// the original bytes, so damage is found when decompressing; optionally against a dictionary.
///
/// Frames are kept without their 4-byte magic number (always the same; it would cost 4 bytes on
/// each of a store's small records) and without the dictionary's id (a store has one dictionary).
enum Zstd {
    /// The largest content a frame may declare: SQLite's default limit on a string or blob (1 GB).
    /// A larger size can only be damage, and is refused before anything is allocated.
    static let largestContent = 1_000_000_000
    /// The magic number that starts every frame, little-endian.
    static let magic: [UInt8] = [0x28, 0xb5, 0x2f, 0xfd]

    /// How the dictionary is trained: zstd's fastCover with its segment size fixed. `ZDICT_trainFromBuffer`
    /// searches five segment sizes on three quarters of the samples and keeps the best (at 10k, 100k
    /// and 603,832 passages it chose 50); one training with 100 on all of them took 45 ms instead of
    /// 155 and made the records 0.4–0.6 % smaller at each of those sizes and on the bundled corpus.
    static let training: ZDICT_fastCover_params_t = {
        var parameters = ZDICT_fastCover_params_t()
        parameters.k = 100
        parameters.d = 8
        parameters.f = 20
        parameters.accel = 1
        return parameters
    }()

    /// A dictionary of at most `capacity` bytes trained on `samples`, or nil when they are too few or
    /// too small to train one (zstd refuses them).
    static func dictionary(trainedOn samples: [[UInt8]], capacity: Int) -> [UInt8]? {
        let total = samples.reduce(0) { $0 + $1.count }
        // zstd wants far more sample bytes than dictionary bytes, and a few samples at least.
        let size = min(capacity, total / 10)
        guard samples.count >= 8, size >= 1024 else { return nil }
        let joined = samples.flatMap { $0 }
        let sizes = samples.map(\.count)
        var dictionary = [UInt8](repeating: 0, count: size)
        let trained = dictionary.withUnsafeMutableBytes { output in
            joined.withUnsafeBytes { input in
                ZDICT_trainFromBuffer_fastCover(output.baseAddress, size, input.baseAddress, sizes, UInt32(sizes.count), training)
            }
        }
        guard ZDICT_isError(trained) == 0 else { return nil }
        return Array(dictionary.prefix(trained))
    }

    /// Compresses with one reused context. It may be handed to another thread, but is used by one
    /// thread at a time (a serial queue's).
    final class Compressor: @unchecked Sendable {
        private let context: OpaquePointer

        /// A compressor at `level` (1, the fastest of the usual levels, to 19), against `dictionary` when given.
        init(level: Int32, dictionary: [UInt8]? = nil) {
            // Only a failed allocation returns nil, and then nothing could be compressed anyway.
            context = ZSTD_createCCtx()!
            ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
            ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
            ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0)
            if let dictionary {
                dictionary.withUnsafeBytes { _ = ZSTD_CCtx_loadDictionary(context, $0.baseAddress, $0.count) }
            }
        }

        deinit { ZSTD_freeCCtx(context) }

        /// `bytes` in one frame, without its magic number.
        func compress(_ bytes: [UInt8]) -> [UInt8] {
            let bound = ZSTD_compressBound(bytes.count)
            let frame = [UInt8](unsafeUninitializedCapacity: bound) { output, initialized in
                let written = bytes.withUnsafeBytes { ZSTD_compress2(context, output.baseAddress, bound, $0.baseAddress, $0.count) }
                // ZSTD_compressBound leaves room enough, so only a failed allocation can stop zstd.
                precondition(ZSTD_isError(written) == 0, "zstd could not compress: \(String(cString: ZSTD_getErrorName(written)))")
                initialized = written
            }
            return Array(frame.dropFirst(magic.count))
        }
    }

    /// Decompresses frames with one context, dictionary and pair of buffers, reused from frame to
    /// frame: making a context for each read cost more than decompressing a record. Used by one
    /// thread at a time.
    ///
    /// The content is written right after the dictionary's bytes, in one buffer (`window`), and the
    /// dictionary is referenced there, not copied: zstd then sees the dictionary as the start of the
    /// output (`ZSTD_checkContinuity`) and copies a match from it like any earlier match, inline,
    /// instead of through a `memmove` call per match in a separate segment — which was a third of the
    /// time of reading a passage (measured in docs/PERFORMANCE.md).
    final class Decompressor {
        private let context: OpaquePointer
        /// How many bytes the dictionary has (0: none).
        private let dictionarySize: Int
        /// The dictionary, referencing the start of `window`; nil without one.
        private var dictionary: OpaquePointer?
        /// The frame being read, with its magic number put back.
        private var input = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 * 1024, alignment: 1)
        /// The dictionary's bytes, then room for a frame's content.
        private var window: UnsafeMutableRawBufferPointer

        /// A decompressor of frames made with `dictionary`, or with none.
        init(dictionary: [UInt8]? = nil) {
            // Only a failed allocation returns nil, and then nothing could be read anyway.
            context = ZSTD_createDCtx()!
            dictionarySize = dictionary?.count ?? 0
            window = .allocate(byteCount: dictionarySize, alignment: 16)
            window.copyBytes(from: dictionary ?? [])
            reserve(16 * 1024)
        }

        deinit {
            ZSTD_freeDCtx(context)
            ZSTD_freeDDict(dictionary)
            input.deallocate()
            window.deallocate()
        }

        /// Moves the dictionary's bytes to a window with room for `capacity` bytes of content after
        /// them, and references the dictionary there.
        private func reserve(_ capacity: Int) {
            let moved = UnsafeMutableRawBufferPointer.allocate(byteCount: dictionarySize + capacity, alignment: 16)
            moved.copyMemory(from: UnsafeRawBufferPointer(rebasing: window[..<dictionarySize]))
            ZSTD_freeDDict(dictionary)
            window.deallocate()
            window = moved
            dictionary = dictionarySize == 0 ? nil : ZSTD_createDDict_byReference(window.baseAddress, dictionarySize)
        }

        /// `body` applied to the content of the frame `compressed` (stored without its magic number;
        /// the content is valid only during the call), or nil when the frame is damaged: not a frame,
        /// cut short, followed by other bytes or failing its checksum.
        func decompress<Result>(_ compressed: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result?) -> Result? {
            guard compressed.count > 0 else { return nil }
            let length = magic.count + compressed.count
            if length > input.count {
                input.deallocate()
                input = .allocate(byteCount: length, alignment: 1)
            }
            input.copyBytes(from: magic)
            UnsafeMutableRawBufferPointer(rebasing: input[magic.count..<length]).copyMemory(from: compressed)
            let declared = ZSTD_getFrameContentSize(input.baseAddress, length)
            guard declared <= UInt64(largestContent) else { return nil }
            let size = Int(declared)
            if size > window.count - dictionarySize { reserve(size) }
            let output = UnsafeMutableRawBufferPointer(rebasing: window[dictionarySize..<dictionarySize + size])
            let produced = ZSTD_decompress_usingDDict(context, output.baseAddress, size, input.baseAddress, length, dictionary)
            guard ZSTD_isError(produced) == 0, produced == size else { return nil }
            return body(UnsafeRawBufferPointer(output))
        }
    }
}
