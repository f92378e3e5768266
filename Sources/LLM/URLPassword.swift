/// The password a URL may carry in its user part, as in `http://user:secret@host/v1`.
///
/// Found by hand rather than by `URLComponents`, so that it is masked even in a URL too malformed to
/// parse (which an error message then quotes).
struct URLPassword {
    /// Where the password is in the URL text.
    let range: Range<String.Index>

    /// The password of `url`, or `nil` when it has none.
    init?(in url: String) {
        let authorityStart = url.range(of: "://")?.upperBound ?? url.startIndex
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return nil }
        let password = url.index(after: colon)..<at
        guard !password.isEmpty else { return nil }
        range = password
    }

    /// `url` with its password, if any, shown as `***`.
    static func masking(_ url: String) -> String {
        guard let password = URLPassword(in: url) else { return url }
        var masked = url
        masked.replaceSubrange(password.range, with: "***")
        return masked
    }

    /// The password of `url` as written (percent-encoded), or `nil` when it has none.
    static func text(in url: String) -> String? {
        URLPassword(in: url).map { String(url[$0.range]) }
    }
}
