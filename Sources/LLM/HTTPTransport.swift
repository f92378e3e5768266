import CCurl
import Foundation

/// A POST request with a body, headers and timeouts.
struct HTTPRequest {
    /// The full URL.
    var url: String
    /// Header lines, `Name: value`.
    var headers: [String]
    /// The request body.
    var body: [UInt8]
    /// Seconds allowed to establish the connection.
    var connectTimeout: Double
    /// Seconds allowed without receiving a byte, from the start of the request on; 0 for no limit.
    var idleTimeout: Double
    /// Seconds allowed for the whole transfer; 0 for no limit.
    var totalTimeout: Double

    /// `host:port` of the URL, for error messages (never the path, which may hold a key in a query).
    var host: String {
        guard let components = URLComponents(string: url), let name = components.host else { return url }
        if let port = components.port {
            return "\(name):\(port)"
        }
        return name
    }
}

/// POSTs over libcurl and streams the response body to a callback as it arrives.
///
/// The transfer stops early when the caller's `isCancelled` returns true (checked whenever bytes
/// arrive and every 100 ms while waiting), when nothing arrives for the idle timeout, when the
/// total timeout runs out, or when the body callback throws.
enum HTTPTransport {
    /// Sends the request and streams the response body.
    ///
    /// - Parameters:
    ///   - request: What to send.
    ///   - onBytes: Called with the HTTP status and each piece of the body, in order. Returning false
    ///     ends the transfer early as a success (the consumer has all it needs); throwing aborts it and
    ///     the error is rethrown from here.
    ///   - isCancelled: Polled during the transfer; returning true aborts it.
    /// - Returns: The HTTP status of the response.
    /// - Throws: What `onBytes` threw; else `LLMError` `.cancelled`, `.timeout`, `.unreachable`,
    ///   `.connectionLost` or `.configuration` for a transfer that did not complete.
    static func post(
        _ request: HTTPRequest,
        onBytes: (_ status: Int, _ bytes: UnsafeRawBufferPointer) throws(LLMError) -> Bool,
        isCancelled: @escaping () -> Bool
    ) throws(LLMError) -> Int {
        let handle = try CurlHandle()
        try handle.set(CURLOPT_URL, request.url)
        try handle.setHeaders(request.headers)
        try handle.setPostBody(request.body)
        try handle.set(CURLOPT_USERAGENT, "panelist")
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        try handle.set(CURLOPT_TCP_KEEPALIVE, 1)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
        try handle.set(CURLOPT_TIMEOUT_MS, milliseconds(request.totalTimeout))
        let outcome = withoutActuallyEscaping(onBytes) { onBytes in
            Result { () throws(LLMError) -> Int in
                let transfer = Transfer(
                    handle: handle, onBytes: onBytes, isCancelled: isCancelled, idleTimeout: request.idleTimeout)
                return try run(transfer, request: request)
            }
        }
        return try outcome.get()
    }

    /// How often a waiting transfer asks `isCancelled` and checks the idle timeout.
    static let checkInterval = Duration.milliseconds(100)

    /// Runs one transfer whose context lives for the duration of the call.
    private static func run(_ transfer: Transfer, request: HTTPRequest) throws(LLMError) -> Int {
        try transfer.handle.setWriteCallback(
            context: Unmanaged.passUnretained(transfer).toOpaque(),
            write: { data, size, count, context in
                guard let context else { return 0 }
                let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                return transfer.receive(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
            })
        let outcome = withExtendedLifetime(transfer) {
            transfer.handle.perform(checkingEvery: checkInterval, shouldContinue: transfer.shouldContinue)
        }
        if let thrown = transfer.thrown {
            throw thrown
        }
        switch transfer.stopReason {
        case .cancelled:
            throw LLMError(.cancelled, "LLM request to \(request.host) cancelled")
        case .idle:
            throw LLMError(.timeout, "LLM server at \(request.host) sent nothing for \(seconds(request.idleTimeout))")
        case .finished:
            return transfer.handle.responseCode
        case nil:
            break
        }
        switch outcome {
        case .completed, .stopped:
            return transfer.handle.responseCode
        case .failed(let failure):
            throw error(for: failure, request: request, connected: transfer.handle.connected)
        }
    }

    /// The `LLMError` for a transfer that libcurl gave up on.
    private static func error(for failure: CurlFailure, request: HTTPRequest, connected: Bool) -> LLMError {
        let host = request.host
        switch failure.code {
        case CURLE_COULDNT_RESOLVE_HOST?, CURLE_COULDNT_RESOLVE_PROXY?:
            return LLMError(.unreachable, "cannot resolve the LLM server's host \(host): \(failure.detail)",
                            underlying: failure)
        case CURLE_COULDNT_CONNECT?:
            return LLMError(.unreachable, "cannot connect to the LLM server at \(host): \(failure.detail)",
                            underlying: failure)
        case CURLE_OPERATION_TIMEDOUT? where !connected:
            return LLMError(.unreachable,
                            "connecting to the LLM server at \(host) timed out after \(seconds(request.connectTimeout))",
                            underlying: failure)
        case CURLE_OPERATION_TIMEDOUT?:
            return LLMError(.timeout,
                            "LLM server at \(host) did not finish within \(seconds(request.totalTimeout))",
                            underlying: failure)
        case CURLE_UNSUPPORTED_PROTOCOL?, CURLE_URL_MALFORMAT?:
            return LLMError(.configuration, "unusable LLM server URL for \(host): \(failure.detail)",
                            underlying: failure)
        default:
            if connected {
                return LLMError(.connectionLost,
                                "connection to the LLM server at \(host) failed mid-response: \(failure.detail)",
                                underlying: failure)
            }
            return LLMError(.unreachable, "cannot reach the LLM server at \(host): \(failure.detail)",
                            underlying: failure)
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        seconds > 0 ? max(1, Int((seconds * 1000).rounded())) : 0
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// The state of one running transfer, reached from libcurl's write callback through an `Unmanaged` pointer.
///
/// Only touched on the thread that runs the transfer, which is also where libcurl calls the callback.
private final class Transfer {
    enum StopReason {
        case cancelled, idle, finished
    }

    let handle: CurlHandle
    private let onBytes: (Int, UnsafeRawBufferPointer) throws(LLMError) -> Bool
    private let isCancelled: () -> Bool
    private let idleLimit: Duration?
    private let clock = ContinuousClock()
    private var lastActivity: ContinuousClock.Instant
    private(set) var thrown: LLMError?
    private(set) var stopReason: StopReason?

    init(
        handle: CurlHandle,
        onBytes: @escaping (Int, UnsafeRawBufferPointer) throws(LLMError) -> Bool,
        isCancelled: @escaping () -> Bool,
        idleTimeout: Double
    ) {
        self.handle = handle
        self.onBytes = onBytes
        self.isCancelled = isCancelled
        idleLimit = idleTimeout > 0 ? .milliseconds(Int64((idleTimeout * 1000).rounded())) : nil
        lastActivity = clock.now
    }

    /// Hands a piece of the body to the consumer; false stops the transfer.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lastActivity = clock.now
        if isCancelled() {
            stopReason = .cancelled
            return false
        }
        do {
            if try onBytes(handle.responseCode, bytes) {
                return true
            }
            stopReason = .finished
            return false
        } catch {
            thrown = error
            return false
        }
    }

    /// Decides whether to go on waiting; false stops the transfer.
    func shouldContinue() -> Bool {
        if isCancelled() {
            stopReason = .cancelled
            return false
        }
        if let idleLimit, lastActivity.duration(to: clock.now) > idleLimit {
            stopReason = .idle
            return false
        }
        return true
    }
}
