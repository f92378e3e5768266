import COpenBLAS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS, opened the first time the encoder is loaded rather than linked into every `panelist`
/// process (see COpenBLAS.h: loading it would cost each one-shot command 2 to 4 ms).
///
/// OpenBLAS uses `OPENBLAS_NUM_THREADS` threads (default: one per core) for the larger products; the
/// smaller ones run on the calling thread.
enum OpenBLAS {
    /// The names tried in turn: Debian/Ubuntu's soname (an alternatives link to the pthreads build),
    /// an unversioned development link, and macOS's Homebrew library.
    static let names = ["libopenblas.so.0", "libopenblas.so", "libopenblas.0.dylib", "libopenblas.dylib"]

    /// `nil` once OpenBLAS is loaded; otherwise the loader's reason. A global `let` is initialised
    /// once, thread-safely.
    static let loadFailure: String? = load(names)

    /// The threads OpenBLAS runs its products on, or 0 when it does not say.
    static var threads: Int { Int(panelist_openblas_threads()) }

    /// OpenBLAS's build configuration ("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64").
    static var configuration: String { String(cString: panelist_openblas_config()) }

    /// Loads OpenBLAS from the first of `names` the dynamic loader accepts.
    ///
    /// - Returns: `nil` on success, else one line saying why none could be used.
    static func load(_ names: [String]) -> String? {
        var failure = [CChar](repeating: 0, count: 512)
        let copies = names.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        let loaded = pointers.withUnsafeBufferPointer { buffer in
            panelist_openblas_load(buffer.baseAddress, buffer.count, &failure, failure.count)
        }
        return loaded == 1
            ? nil : String(decoding: failure.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// C = alpha · A · op(B) + beta · C, row-major: A is m×k, op(B) is k×n (B is n×k when
    /// `transposingB`), C is m×n; `lda`, `ldb`, `ldc` are the rows' strides. Call only after a
    /// successful load.
    ///
    /// - Complexity: O(m · n · k).
    @inline(__always)
    static func multiply(
        m: Int, n: Int, k: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        transposingB: Bool, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        panelist_sgemm(
            transposingB ? 1 : 0, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc)
        )
    }
}
