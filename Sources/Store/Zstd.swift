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

    /// Decompresses frames with one context and one output buffer, reused from frame to frame:
    /// creating a context for each ~10 KB block cost more than decompressing it (a third of a
    /// 10-passage query at 100k passages). Used by one thread at a time.
    final class Decompressor {
        private let context: OpaquePointer
        private var output = UnsafeMutableRawBufferPointer.allocate(byteCount: 16 * 1024, alignment: 1)

        init() {
            // Only a failed allocation returns nil, and then nothing could be read anyway.
            context = ZSTD_createDCtx()!
        }

        deinit {
            ZSTD_freeDCtx(context)
            output.deallocate()
        }

        /// `body` applied to the content of the frame `compressed` (valid only during the call), or
        /// nil when the frame is damaged: not a frame, cut short, followed by other bytes or
        /// failing its checksum.
        func decompress<Result>(_ compressed: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result?) -> Result? {
            guard let source = compressed.baseAddress, compressed.count > 0 else { return nil }
            let declared = ZSTD_getFrameContentSize(source, compressed.count)
            guard declared <= UInt64(largestContent) else { return nil }
            let size = Int(declared)
            if size > output.count {
                output.deallocate()
                output = .allocate(byteCount: size, alignment: 1)
            }
            let produced = ZSTD_decompressDCtx(context, output.baseAddress, size, source, compressed.count)
            guard ZSTD_isError(produced) == 0, produced == size else { return nil }
            return body(UnsafeRawBufferPointer(rebasing: output[0..<size]))
        }
    }
}
