import Foundation
import Testing

/// docs/DEPLOY.md's set-up run for real: HAProxy in front of two `panelist serve` processes on one store,
/// and a new store rolled out with copy, rename and SIGHUP while requests flow (scripts/haproxy-demo.sh).
@Suite struct LoadBalancerTests {
    @Test func bothBackendsAnswerAndARolloutDropsNoRequest() throws {
        _ = try ServiceClients.systemProgram("haproxy")
        let script = ServiceClients.repository.appendingPathComponent("scripts/haproxy-demo.sh")
        let run = try PanelistBinary().run([PanelistBinary.url.path], executable: script)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let balanced = try #require(lines.first { $0.hasPrefix("through HAProxy:") })
        let counts = balanced.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count == 3 && counts[0] == 20 && counts[1] > 0 && counts[2] > 0 && counts[1] + counts[2] == 20, "\(balanced)")
        #expect(lines.contains("during the rollout: 150 requests, 0 not answered with 200"))
        #expect(lines.contains("after the rollout: both backends answer from the new store"))
    }
}
