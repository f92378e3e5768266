#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory; pages are read from the page cache on first touch, not copied.
///
/// The mapping lives as long as the value and is never written, so its bytes can be read from any
/// thread (hence `@unchecked Sendable`). A file truncated by another process while mapped would make
/// reads past its new end fault; the model files are replaced only by rename, never rewritten in place.
final class MappedFile: @unchecked Sendable {
    /// The mapped bytes.
    let bytes: UnsafeRawBufferPointer
    let path: String

    /// Maps `path`.
    ///
    /// - Throws: `MappedFile.Failure` with the system's reason when the file cannot be opened, is
    ///   empty, or cannot be mapped.
    init(path: String) throws(Failure) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(errno: errno) }
        let size = Int(status.st_size)
        guard size > 0 else { throw Failure(reason: "the file is empty") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Failure(errno: errno)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Why a file could not be mapped.
    struct Failure: Error {
        var reason: String
        var isMissing = false

        init(reason: String) {
            self.reason = reason
        }

        init(errno code: Int32) {
            reason = String(cString: strerror(code))
            isMissing = code == ENOENT || code == ENOTDIR
        }
    }
}
