import Foundation
import KoersServer
import KoersStorage
import KoersTestSupport
import Synchronization
import Testing

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date())

    var now: Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// Anonymous sessions are limited: starts per address per hour, a lifetime for untouched ones,
/// and a clean-up that removes them from the store.
@Suite("Anonymous session limits", .serialized)
struct AnonymousLimitsTests {
    @Test("an address may start only so many anonymous sessions per window; others and later ones may")
    func anonymousStartsAreCappedPerAddress() async throws {
        let clock = TestClock()
        var settings = ServiceSettings(bcryptCost: 4, now: { clock.now })
        settings.anonymousSessions.startsPerAddress = 3
        settings.anonymousSessions.window = 600
        try await InProcessServer.run(.sqlite, settings: settings) { server in
            let new = NewSession(packID: "set-eligibility")
            for _ in 0..<3 { _ = try await server.services.sessions.createAnonymous(new, from: "203.0.113.7") }
            await #expect(throws: ServiceError.self) {
                _ = try await server.services.sessions.createAnonymous(new, from: "203.0.113.7")
            }
            do throws(ServiceError) {
                _ = try await server.services.sessions.createAnonymous(new, from: "203.0.113.7")
                Issue.record("the fourth start was allowed")
            } catch .tooManyRequests(_, let wait) {
                #expect(wait > 0 && wait <= 600, "\(wait)")
            } catch {
                Issue.record("\(error)")
            }
            _ = try await server.services.sessions.createAnonymous(new, from: "198.51.100.1")
            clock.advance(601)
            _ = try await server.services.sessions.createAnonymous(new, from: "203.0.113.7")
        }
    }

    @Test("the real server answers 429 with Retry-After past the cap: a problem from the API, a Dutch page from /start")
    func serverRefusesAnonymousStartsPastTheCap() async throws {
        let server = try await TestServer(.sqlite, extraArguments: ["--anonymous-sessions-per-hour", "2"])
        for _ in 0..<2 {
            let created = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            #expect(created.status == 201, "\(created)")
        }
        let refused = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
        #expect(refused.isProblem(429), "\(refused)")
        #expect(Int(refused.header("Retry-After") ?? "") ?? 0 > 0, "\(refused.headers)")
        let page = try await server.client.send(
            "POST", "/start", body: Data("pack=set-eligibility".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded"]
        )
        #expect(page.status == 429, "\(page)")
        #expect(page.text.contains("te veel sessies"), "\(page)")
        #expect(Int(page.header("Retry-After") ?? "") ?? 0 > 0)
        // The language as a cookie the request brings (the test client keeps no cookie jar).
        let english = try await server.client.send(
            "POST", "/start", body: Data("pack=set-eligibility".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "koers_lang=en"]
        )
        #expect(english.status == 429 && english.text.contains("Too many sessions"), "\(english)")
    }

    @Test("an untouched anonymous session expires after its lifetime, and the clean-up removes its row", arguments: Backend.all)
    func anonymousSessionsExpireAndAreRemoved(backend: Backend) async throws {
        let clock = TestClock()
        var settings = ServiceSettings(bcryptCost: 4, now: { clock.now })
        settings.anonymousSessions.lifetime = 3600
        try await InProcessServer.run(backend, settings: settings) { server in
            let old = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            let oldToken = try #require(old.json["resumeToken"] as? String, "\(old)")
            let oldID = try sessionID(of: try #require(old.json["state"] as? [String: Any]))
            try await server.coach("anna@example.nl", name: "Anna")
            let anna = try await server.login("anna@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String, "\(organisation)")
            let coached = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "set-eligibility"])
            let coachedID = try sessionID(of: coached.json)
            clock.advance(1800)
            let fresh = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            let freshToken = try #require(fresh.json["resumeToken"] as? String)
            let freshID = try sessionID(of: try #require(fresh.json["state"] as? [String: Any]))
            clock.advance(1801)

            // Past its lifetime: not found through the API and the pages; the fresh one still works.
            let gone = try await server.client.resuming(with: oldToken).get("/api/v1/sessions/\(oldID)")
            #expect(gone.isProblem(404), "\(gone)")
            let gonePage = try await server.client.get("/r/\(oldToken)")
            #expect(gonePage.status == 404, "\(gonePage)")
            let kept = try await server.client.resuming(with: freshToken).get("/api/v1/sessions/\(freshID)")
            #expect(kept.status == 200, "\(kept)")

            // The clean-up removes the expired row only; a coach's session is never removed.
            #expect(try await server.services.sessions.removeExpiredAnonymousSessions() == 1)
            #expect(try await server.services.store.session(id: oldID) == nil)
            #expect(try await server.services.store.session(id: freshID) != nil)
            clock.advance(10 * 3600)
            #expect(try await server.services.sessions.removeExpiredAnonymousSessions() == 1)
            #expect(try await server.services.store.session(id: freshID) == nil)
            #expect(try await server.services.store.session(id: coachedID) != nil)
            #expect(try await server.services.sessions.removeExpiredAnonymousSessions() == 0)
        }
    }

    @Test("the periodic clean-up runs without being asked and removes expired anonymous sessions")
    func periodicCleanUpRemovesExpiredSessions() async throws {
        let clock = TestClock()
        var settings = ServiceSettings(bcryptCost: 4, now: { clock.now })
        settings.anonymousSessions.lifetime = 60
        settings.anonymousSessions.cleanUpInterval = 0.05
        try await InProcessServer.run(.sqlite, settings: settings) { server in
            let created = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            let id = try sessionID(of: try #require(created.json["state"] as? [String: Any]))
            clock.advance(61)
            let (rounds, continuation) = AsyncStream.makeStream(of: Int.self)
            let cleaner = Task {
                await server.services.cleanUpAnonymousSessions { result in
                    if case .success(let count) = result { continuation.yield(count) }
                }
            }
            var removed = 0
            for await count in rounds {
                removed += count
                if removed > 0 { break }
            }
            cleaner.cancel()
            await cleaner.value
            #expect(removed == 1)
            #expect(try await server.services.store.session(id: id) == nil)
        }
    }
}
