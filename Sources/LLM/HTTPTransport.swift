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
    /// Seconds allowed to establish the connection (less when the idle timeout runs out sooner).
    var connectTimeout: Double
    /// Seconds allowed without receiving a byte, counted from `silentSince`; 0 for no limit.
    var idleTimeout: Double
    /// Seconds allowed for the whole request, counted from `startedAt`; 0 for no limit.
    var totalTimeout: Double
    /// When the request began: its first attempt, so that retries share the total timeout.
    var startedAt = ContinuousClock.now
    /// When the server was last heard from, or `startedAt`: silence before and between attempts
    /// (connecting, backing off) counts against the idle timeout.
    var silentSince = ContinuousClock.now

    /// `host:port` of the URL, for error messages (never the path, which may hold a key in a query).
    var host: String {
        guard let components = URLComponents(string: url), let name = components.host else { return URLPassword.masking(url) }
        if let port = components.port {
            return "\(name):\(port)"
        }
        return name
    }
}

extension HTTPRequest {
    /// What is left of `limit` seconds counted from `start`; `limit` itself when it is 0 (no limit),
    /// and at least a millisecond, so that a spent limit still ends the transfer at once.
    func remaining(_ limit: Double, since start: ContinuousClock.Instant) -> Double {
        guard limit > 0 else { return 0 }
        let elapsed = start.duration(to: .now) / .seconds(1)
        return max(0.001, limit - elapsed)
    }

    /// Seconds allowed to connect — the connect timeout, cut to what is left of the idle and total
    /// timeouts — and the configured timeout that sets it, which is what a message names.
    var connectLimit: (seconds: Double, timeout: Double) {
        var limit = (seconds: connectTimeout, timeout: connectTimeout)
        if idleTimeout > 0, remaining(idleTimeout, since: silentSince) < limit.seconds {
            limit = (remaining(idleTimeout, since: silentSince), idleTimeout)
        }
        if totalTimeout > 0, remaining(totalTimeout, since: startedAt) < limit.seconds {
            limit = (remaining(totalTimeout, since: startedAt), totalTimeout)
        }
        return limit
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
        let connectLimit = request.connectLimit
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectLimit.seconds))
        try handle.set(CURLOPT_TIMEOUT_MS, milliseconds(request.remaining(request.totalTimeout, since: request.startedAt)))
        let outcome = withoutActuallyEscaping(onBytes) { onBytes in
            Result { () throws(LLMError) -> Int in
                let transfer = Transfer(
                    handle: handle, onBytes: onBytes, isCancelled: isCancelled, idleTimeout: request.idleTimeout,
                    silentSince: request.silentSince)
                return try run(transfer, request: request, connectTimeout: connectLimit.timeout)
            }
        }
        return try outcome.get()
    }

    /// How often a waiting transfer asks `isCancelled` and checks the idle timeout.
    static let checkInterval = Duration.milliseconds(100)

    /// Runs one transfer whose context lives for the duration of the call.
    ///
    /// - Parameter connectTimeout: The configured timeout that limits connecting, for messages.
    private static func run(_ transfer: Transfer, request: HTTPRequest, connectTimeout: Double) throws(LLMError) -> Int {
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
        case .idle where !transfer.handle.connected:
            throw LLMError(.unreachable,
                           "connecting to the LLM server at \(request.host) timed out after \(seconds(request.idleTimeout))")
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
            throw error(for: failure, request: request, connectTimeout: connectTimeout, connected: transfer.handle.connected)
        }
    }

    /// The `LLMError` for a transfer that libcurl gave up on.
    private static func error(
        for failure: CurlFailure, request: HTTPRequest, connectTimeout: Double, connected: Bool
    ) -> LLMError {
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
                            "connecting to the LLM server at \(host) timed out after \(seconds(connectTimeout))",
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

    /// "3 s", "1.5 s": whole seconds, else tenths.
    private static func seconds(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) s" : "\(tenths) s"
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
        idleTimeout: Double,
        silentSince: ContinuousClock.Instant
    ) {
        self.handle = handle
        self.onBytes = onBytes
        self.isCancelled = isCancelled
        idleLimit = idleTimeout > 0 ? .milliseconds(Int64((idleTimeout * 1000).rounded())) : nil
        lastActivity = silentSince
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
