import Foundation
import Glibc
import REPL
import Testing

@Suite struct InterruptFlagTests {
    @Test func sigintSetsTheFlagInsteadOfEndingTheProcess() {
        let flag = InterruptFlag.shared
        flag.install()
        flag.reset()
        #expect(!flag.isSet)
        // The test runner blocks SIGINT on its worker threads, so send the
        // signal to the process (any thread may take it) and wait briefly.
        kill(getpid(), SIGINT)
        let deadline = Date().addingTimeInterval(2)
        while !flag.isSet && Date() < deadline {
            usleep(1_000)
        }
        #expect(flag.isSet)
        flag.reset()
        #expect(!flag.isSet)
    }
}
