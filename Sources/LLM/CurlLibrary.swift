import CCurl
import Foundation

/// libcurl, opened the first time a transfer needs it rather than linked into every `panelist` process
/// (see CCurl.h: loading it and its TLS dependencies would cost each one-shot command about 10 ms).
enum CurlLibrary {
    /// The names tried in turn: libcurl's usual soname (OpenSSL build on Debian/Ubuntu), the GnuTLS
    /// build, an unversioned development link, and macOS's system library.
    static let names = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", "libcurl.4.dylib"]

    /// `nil` once libcurl is loaded and initialised; otherwise the loader's reason.
    ///
    /// A global `let` is initialised once, thread-safely, which is what curl_global_init requires.
    static let loadFailure: String? = load(names)

    /// Loads libcurl from the first of `names` the dynamic loader accepts.
    ///
    /// - Returns: `nil` on success, else one line saying why none could be used. A failed attempt
    ///   leaves an earlier successful load in place.
    static func load(_ names: [String]) -> String? {
        var failure = [CChar](repeating: 0, count: 512)
        let loaded = withCStrings(names) { pointers in
            pointers.withUnsafeBufferPointer { buffer in
                panelist_curl_load(buffer.baseAddress, buffer.count, &failure, failure.count)
            }
        }
        return loaded == 1 ? nil : String(decoding: failure.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return body(copies.map { UnsafePointer($0) })
    }
}
