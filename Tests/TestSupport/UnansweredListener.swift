import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback port where connecting hangs, as it does to a host that drops packets.
///
/// The socket listens with a backlog of 0 and one connection of its own fills that backlog; Linux
/// then drops every further SYN, so a client's connect waits until its own timeout. Closed on `stop()`.
public final class UnansweredListener {
    /// The port on 127.0.0.1.
    public let port: Int
    private let listener: Int32
    private let filler: Int32

    /// Opens the listener and fills its backlog.
    public init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0, filler >= 0 else { throw ListenerFailure(step: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(listener, generic, length) == 0 && listen(listener, 0) == 0
                    && getsockname(listener, generic, &length) == 0 && connect(filler, generic, length) == 0
            }
        }
        guard listening else {
            close(listener)
            close(filler)
            throw ListenerFailure(step: "bind, listen or connect")
        }
        self.listener = listener
        self.filler = filler
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Closes the sockets.
    public func stop() {
        close(filler)
        close(listener)
    }
}

struct ListenerFailure: Error, CustomStringConvertible {
    var step: String
    var description: String { "cannot open the unanswered listener: \(step) failed: \(String(cString: strerror(errno)))" }
}
