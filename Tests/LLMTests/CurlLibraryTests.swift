import Testing
@testable import LLM

@Suite("CurlLibrary")
struct CurlLibraryTests {
    @Test("libcurl loads from the names Panelist tries")
    func loadsTheSystemLibrary() {
        #expect(CurlLibrary.loadFailure == nil)
    }

    @Test("a library that cannot be opened is named in the reason, and the earlier load stays usable")
    func reportsAMissingLibrary() throws {
        let reason = try #require(CurlLibrary.load(["libpanelist-missing-curl.so.9"]))
        #expect(reason.contains("libpanelist-missing-curl.so.9"))
        #expect(CurlLibrary.load([]) == "no library name given")
        _ = try CurlHandle()
    }

    @Test("a library without libcurl's functions is refused with the missing function's name")
    func refusesALibraryThatIsNotLibcurl() throws {
        let reason = try #require(CurlLibrary.load(["libz.so.1"]))
        #expect(reason.contains("has no curl_global_init"))
    }
}
