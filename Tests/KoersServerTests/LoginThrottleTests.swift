import Foundation
import KoersServer
import KoersTestSupport
import Synchronization
import Testing

/// Password guessing is slowed down: failed logins per account and per address lead to 429.
@Suite("Login throttling", .serialized)
struct LoginThrottleTests {
    /// A clock the test moves by hand.
    final class TestClock: Sendable {
        let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func now() -> Date { current.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    }

    @Test func accountIsLockedAfterFiveFailuresUntilTheWindowPasses() async {
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now() })
        for _ in 0..<5 {
            #expect(await throttle.retryAfter(address: "10.0.0.1", account: "anna@example.nl") == nil)
            await throttle.recordFailure(address: "10.0.0.1", account: "anna@example.nl")
            clock.advance(10)
        }
        // Locked for this account, from any address and whatever the case of the address.
        let wait = await throttle.retryAfter(address: "10.0.0.2", account: "ANNA@example.nl")
        #expect(wait == 15 * 60 - 50)
        #expect(await throttle.retryAfter(address: "10.0.0.1", account: "bert@example.nl") == nil)
        clock.advance(15 * 60)
        #expect(await throttle.retryAfter(address: "10.0.0.1", account: "anna@example.nl") == nil)
    }

    @Test func addressIsLockedAfterTwentyFailuresAcrossAccounts() async {
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now() })
        for index in 0..<20 {
            await throttle.recordFailure(address: "10.0.0.9", account: "guess\(index)@example.nl")
        }
        #expect(await throttle.retryAfter(address: "10.0.0.9", account: "new@example.nl") != nil)
        #expect(await throttle.retryAfter(address: "10.0.0.8", account: "new@example.nl") == nil)
    }

    @Test func trackedKeysAreBounded() async {
        var policy = LoginThrottle.Policy()
        policy.maximumTrackedKeys = 100
        let throttle = LoginThrottle(policy: policy)
        for index in 0..<1_000 {
            await throttle.recordFailure(address: nil, account: "guess\(index)@example.nl")
        }
        // The oldest are forgotten, the newest still count.
        #expect(await throttle.retryAfter(address: nil, account: "guess999@example.nl") == nil)
        for _ in 0..<4 { await throttle.recordFailure(address: nil, account: "guess999@example.nl") }
        #expect(await throttle.retryAfter(address: nil, account: "guess999@example.nl") != nil)
    }

    @Test("the real server answers 429 with Retry-After after five wrong passwords, also to the right one")
    func serverLocksTheAccountWith429AndRetryAfter() async throws {
        let server = try await TestServer(.sqlite)
        try server.coach("anna@example.nl", name: "Anna de Vries")
        for _ in 0..<5 {
            let wrong = try await server.client.post("/api/v1/login", ["email": "anna@example.nl", "password": "wrong password"])
            #expect(wrong.isProblem(401), "\(wrong)")
        }
        let locked = try await server.client.post("/api/v1/login", ["email": "anna@example.nl", "password": TestServer.password])
        #expect(locked.isProblem(429), "\(locked)")
        #expect(Int(locked.header("Retry-After") ?? "") ?? 0 > 0)
        // The login page says it in Dutch, with the same status.
        let page = try await server.client.submitLoginPage(
            "email=anna%40example.nl&password=correct+horse+battery", cookies: "koers_lang=nl"
        )
        #expect(page.status == 429, "\(page)")
        #expect(page.text.contains("Te veel mislukte pogingen"))
    }

    @Test("/health names no host, port or database")
    func healthSaysOkOrUnavailableOnly() async throws {
        let server = try await TestServer(.sqlite)
        let health = try await server.client.get("/health")
        #expect(health.status == 200)
        #expect(health.json["database"] as? String == "ok")
        #expect(!health.text.contains("sqlite") && !health.text.contains(server.folder.path))
    }
}
