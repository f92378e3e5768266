import CZlib

/// Compression with zlib's one-call functions, in zlib's format (a deflate stream closed by an
/// Adler-32 checksum of the original bytes, so damage is found when decompressing).
enum Deflate {
    /// `bytes` compressed at `level`, from 1 (fastest) to 9 (smallest).
    static func compress(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&output, &size, bytes, uLong(bytes.count), level)
        // compressBound leaves room enough, so only a failed allocation can stop zlib.
        precondition(status == Z_OK, "zlib could not compress (status \(status))")
        output.removeLast(output.count - Int(size))
        return output
    }

    /// The `size` bytes that `compressed` holds, or nil when it is damaged: not a zlib stream, cut
    /// short, of another length or failing its checksum.
    static func decompress(_ compressed: UnsafeRawBufferPointer, size: Int) -> [UInt8]? {
        // deflate packs at most 1032 bytes into one: a larger size can only be damage.
        guard let source = compressed.baseAddress, size > 0, size / 1032 <= compressed.count else { return nil }
        var produced = uLong(size)
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let status = uncompress(buffer.baseAddress, &produced, source.assumingMemoryBound(to: Bytef.self), uLong(compressed.count))
            initialized = status == Z_OK ? Int(produced) : 0
        }
        return output.count == size ? output : nil
    }
}
