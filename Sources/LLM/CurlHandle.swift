import CCurl

/// A libcurl failure: the CURLcode and libcurl's own explanation.
struct CurlFailure: Error, CustomStringConvertible {
    /// The transfer's CURLcode, or `nil` when the multi interface itself failed.
    var code: CURLcode?
    /// libcurl's message: the detailed error buffer when filled, else the generic text for the code.
    var detail: String

    var description: String {
        guard let code else { return "libcurl: \(detail)" }
        return "libcurl error \(code.rawValue): \(detail)"
    }
}

/// An owned libcurl easy handle.
///
/// Owns the handle, its header list and its error buffer, and frees all three in `deinit`.
/// Option setters throw `LLMError` with code `.configuration` when libcurl rejects a value.
/// A handle serves one transfer at a time and is used from one thread at a time.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?

    /// Creates a handle with its error buffer attached and signals turned off (safe in threaded programs).
    ///
    /// - Throws: `LLMError` `.configuration` when libcurl cannot be initialised.
    init() throws(LLMError) {
        if let reason = CurlLibrary.loadFailure {
            throw LLMError(.configuration, "libcurl could not be loaded (\(reason)); install it (Debian/Ubuntu: apt-get install libcurl4)")
        }
        guard let handle = panelist_curl_easy_init() else {
            throw LLMError(.configuration, "libcurl could not create a transfer handle")
        }
        self.handle = handle
        let errorBufferSize = panelist_curl_error_size()
        errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        try check(panelist_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        panelist_curl_easy_cleanup(handle)
        if let headerList {
            panelist_curl_slist_free_all(headerList)
        }
        errorBuffer.deallocate()
    }

    /// Sets an option that takes a number.
    func set(_ option: CURLoption, _ value: Int) throws(LLMError) {
        try check(panelist_curl_set_long(handle, option, value), "option \(option.rawValue)")
    }

    /// Sets an option that takes a string; libcurl keeps its own copy.
    func set(_ option: CURLoption, _ value: String) throws(LLMError) {
        let code = value.withCString { panelist_curl_set_string(handle, option, $0) }
        try check(code, "option \(option.rawValue)")
    }

    /// Replaces the request headers; each entry is a full `Name: value` line.
    func setHeaders(_ headers: [String]) throws(LLMError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            guard let extended = header.withCString({ panelist_curl_slist_append(list, $0) }) else {
                if let list { panelist_curl_slist_free_all(list) }
                throw LLMError(.configuration, "libcurl could not store a request header")
            }
            list = extended
        }
        do {
            try check(panelist_curl_set_slist(handle, CURLOPT_HTTPHEADER, list), "CURLOPT_HTTPHEADER")
        } catch {
            if let list { panelist_curl_slist_free_all(list) }
            throw error
        }
        if let headerList {
            panelist_curl_slist_free_all(headerList)
        }
        headerList = list
    }

    /// Makes the request a POST with this body; libcurl copies the bytes.
    func setPostBody(_ body: [UInt8]) throws(LLMError) {
        let code = body.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else {
                return "".withCString { panelist_curl_set_post_body(handle, $0, 0) }
            }
            return panelist_curl_set_post_body(handle, start, bytes.count)
        }
        try check(code, "CURLOPT_POSTFIELDS")
    }

    /// Installs the body callback.
    ///
    /// - Parameters:
    ///   - context: The pointer handed back to the callback; the caller keeps it alive during `perform`.
    ///   - write: Receives each piece of the response body; returning anything but its length aborts.
    func setWriteCallback(context: UnsafeMutableRawPointer, write: panelist_curl_write_callback) throws(LLMError) {
        try check(panelist_curl_set_write_function(handle, write), "CURLOPT_WRITEFUNCTION")
        try check(panelist_curl_set_pointer(handle, CURLOPT_WRITEDATA, context), "CURLOPT_WRITEDATA")
    }

    /// How a transfer run by `perform` ended.
    enum Outcome {
        /// The response arrived completely.
        case completed
        /// libcurl gave up, or the write callback aborted.
        case failed(CurlFailure)
        /// `shouldContinue` returned false.
        case stopped
    }

    /// Runs the transfer, asking `shouldContinue` whenever libcurl has had something to do and at
    /// least every `interval`, so that a silent server cannot delay a cancellation.
    ///
    /// Drives the handle through a multi handle: curl_easy_perform would only offer its progress
    /// callback, which libcurl calls about once a second while nothing arrives.
    ///
    /// - Parameters:
    ///   - interval: The longest wait between two questions to `shouldContinue`.
    ///   - shouldContinue: Returns false to stop the transfer.
    /// - Returns: How the transfer ended.
    func perform(checkingEvery interval: Duration, shouldContinue: () -> Bool) -> Outcome {
        guard let multi = panelist_curl_multi_init() else {
            return .failed(CurlFailure(code: nil, detail: "libcurl could not create a multi handle"))
        }
        defer { panelist_curl_multi_cleanup(multi) }
        let added = panelist_curl_multi_add_handle(multi, handle)
        guard added == CURLM_OK else { return .failed(Self.failure(for: added)) }
        defer { panelist_curl_multi_remove_handle(multi, handle) }
        errorBuffer[0] = 0
        let milliseconds = Int32(clamping: interval.components.seconds * 1000
                                     + interval.components.attoseconds / 1_000_000_000_000_000)
        var running: Int32 = 1
        while true {
            let performed = panelist_curl_multi_perform(multi, &running)
            guard performed == CURLM_OK else { return .failed(Self.failure(for: performed)) }
            if running == 0 { break }
            guard shouldContinue() else { return .stopped }
            let polled = panelist_curl_multi_poll(multi, nil, 0, max(1, milliseconds), nil)
            guard polled == CURLM_OK else { return .failed(Self.failure(for: polled)) }
        }
        var remaining: Int32 = 0
        while let message = panelist_curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE else { continue }
            let code = panelist_curl_message_result(message)
            guard code != CURLE_OK else { return .completed }
            let buffered = String(cString: errorBuffer).trimmingTrailingNewlines()
            return .failed(CurlFailure(code: code, detail: buffered.isEmpty ? Self.text(for: code) : buffered))
        }
        return .failed(CurlFailure(code: nil, detail: "libcurl ended the transfer without a result"))
    }

    /// The HTTP status of the response, or 0 before the status line has arrived.
    var responseCode: Int { panelist_curl_get_response_code(handle) }

    /// Whether the last transfer got as far as an established connection.
    var connected: Bool { panelist_curl_get_connected(handle) != 0 }

    private func check(_ code: CURLcode, _ what: String) throws(LLMError) {
        guard code != CURLE_OK else { return }
        throw LLMError(.configuration, "libcurl rejected \(what): \(Self.text(for: code))")
    }

    private static func failure(for code: CURLMcode) -> CurlFailure {
        let detail = panelist_curl_multi_strerror(code).map { String(cString: $0) } ?? "libcurl multi error \(code.rawValue)"
        return CurlFailure(code: nil, detail: detail)
    }

    private static func text(for code: CURLcode) -> String {
        panelist_curl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)"
    }
}

extension String {
    /// The string without trailing line breaks (libcurl's error buffer sometimes ends in one).
    fileprivate func trimmingTrailingNewlines() -> String {
        var copy = self
        while copy.last?.isNewline == true {
            copy.removeLast()
        }
        return copy
    }
}
