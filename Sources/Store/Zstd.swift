import CZstd

/// Compression in Zstandard frames that record their content size and close with a checksum of
/// the original bytes, so damage is found when decompressing.
enum Zstd {
    /// The largest content a frame may declare: SQLite's default limit on a string or blob (1 GB).
    /// A larger size can only be damage, and is refused before anything is allocated.
    static let largestContent = 1_000_000_000

    /// Compresses with one reused context. It may be handed to another thread, but is used by one
    /// thread at a time (a serial queue's).
    final class Compressor: @unchecked Sendable {
        private let context: OpaquePointer

        /// A compressor at `level` (1, the fastest of the usual levels, to 19).
        init(level: Int32) {
            // Only a failed allocation returns nil, and then nothing could be compressed anyway.
            context = ZSTD_createCCtx()!
            ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
            ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
        }

        deinit { ZSTD_freeCCtx(context) }

        /// `bytes` in one frame.
        func compress(_ bytes: [UInt8]) -> [UInt8] {
            let bound = ZSTD_compressBound(bytes.count)
            return [UInt8](unsafeUninitializedCapacity: bound) { output, initialized in
                let written = bytes.withUnsafeBytes { ZSTD_compress2(context, output.baseAddress, bound, $0.baseAddress, $0.count) }
                // ZSTD_compressBound leaves room enough, so only a failed allocation can stop zstd.
                precondition(ZSTD_isError(written) == 0, "zstd could not compress: \(String(cString: ZSTD_getErrorName(written)))")
                initialized = written
            }
        }
    }

    /// The content of the frame `compressed`, or nil when it is damaged: not a frame, cut short,
    /// followed by other bytes or failing its checksum.
    static func decompress(_ compressed: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let source = compressed.baseAddress, compressed.count > 0 else { return nil }
        let declared = ZSTD_getFrameContentSize(source, compressed.count)
        guard declared <= UInt64(largestContent) else { return nil }
        let size = Int(declared)
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let produced = ZSTD_decompress(buffer.baseAddress, size, source, compressed.count)
            initialized = ZSTD_isError(produced) == 0 && produced == size ? size : 0
        }
        return output.count == size ? output : nil
    }
}
