import Foundation
import KoersTestSupport
import Synchronization
import Testing

/// A server killed with SIGKILL in the middle of an interview keeps every answer it
/// acknowledged.
@Suite("API: crash and restart", .serialized)
struct RestartTests {
    @Test("SIGKILL mid-interview, restart on the same data: every 2xx answer is there", arguments: Backend.all)
    func killAndRestart(backend: Backend) async throws {
        let server = try await TestServer(backend)
        try server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
        let id = try sessionID(of: started.json)

        // Answer questions one after another; after the eighth acknowledged answer, send the
        // next ones without waiting and kill the server while they are in flight.
        let driver = InterviewDriver(client: anna, sessionID: id)
        var acknowledged: [String: Any] = [:]
        var state = started.json
        var step = 0
        while acknowledged.count < 8, let question = state["nextQuestion"] as? [String: Any] {
            step += 1
            let questionID = try #require(question["id"] as? String)
            let body = try #require(driver.candidates(for: question, step: step).first)
            let response = try await anna.put("/api/v1/sessions/\(id)/answers/\(questionID)", body)
            try #require(response.status == 200, "\(response)")
            acknowledged[questionID] = body
            state = response.json
        }
        let pack = try await anna.get("/api/v1/packs/maturity-scan")
        let remaining = (pack.json["questions"] as? [[String: Any]] ?? []).filter { question in
            acknowledged[question["id"] as? String ?? ""] == nil
        }.prefix(6)
        var pending: [(String, Data)] = []
        for (index, question) in remaining.enumerated() {
            guard let questionID = question["id"] as? String, let body = driver.candidates(for: question, step: index).first
            else { continue }
            pending.append((questionID, try JSONSerialization.data(withJSONObject: body)))
        }
        let requests = pending
        let inFlight = Task { () -> [String: Data] in
            await withTaskGroup(of: (String, Data)?.self) { group in
                for (questionID, body) in requests {
                    group.addTask {
                        guard let response = try? await anna.send("PUT", "/api/v1/sessions/\(id)/answers/\(questionID)", body: body),
                            response.status == 200
                        else { return nil }
                        return (questionID, body)
                    }
                }
                var late: [String: Data] = [:]
                for await result in group {
                    if let (questionID, body) = result { late[questionID] = body }
                }
                return late
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        server.server.kill()
        for (questionID, body) in await inFlight.value {
            acknowledged[questionID] = try JSONSerialization.jsonObject(with: body)
        }

        try await server.server.start()
        // The login survived the restart too.
        let again = APIClient(baseURL: try #require(server.server.baseURL), bearerToken: anna.bearerToken)
        let after = try await again.get("/api/v1/sessions/\(id)")
        #expect(after.status == 200, "\(after)")
        expectAnswersKept(acknowledged, in: after.json)
        let health = try await again.get("/health")
        #expect(health.status == 200)
    }

    /// Many interviews answered at once (on SQLite their saves share commits): kill -9 while
    /// answers are in flight, and every answer that got its 200 is there after the restart.
    @Test("SIGKILL while many interviews are answered at once: every 2xx answer is there", arguments: Backend.all)
    func killDuringConcurrentAnswering(backend: Backend) async throws {
        let server = try await TestServer(backend)
        try server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        var ids: [String] = []
        for index in 0..<12 {
            let started = try await anna.post(
                "/api/v1/organisations/\(organisationID)/sessions",
                ["pack": "maturity-scan", "label": "meting \(index)"]
            )
            ids.append(try sessionID(of: started.json))
        }

        // Each interview is answered step by step as fast as the server acknowledges; an
        // interview stops at its first request that fails (the server is gone).
        let acknowledgedCount = AcknowledgedCount()
        let sessionIDs = ids
        let answering = Task { () -> [String: [String: Data]] in
            await withTaskGroup(of: (String, [String: Data]).self) { group in
                for (index, id) in sessionIDs.enumerated() {
                    group.addTask {
                        var kept: [String: Data] = [:]
                        let driver = InterviewDriver(client: anna, sessionID: id, variant: index)
                        guard var state = try? await anna.get("/api/v1/sessions/\(id)").json else { return (id, kept) }
                        var step = 0
                        while let question = state["nextQuestion"] as? [String: Any],
                            let questionID = question["id"] as? String
                        {
                            step += 1
                            var answered = false
                            for body in driver.candidates(for: question, step: step) {
                                guard let data = try? JSONSerialization.data(withJSONObject: body),
                                    let response = try? await anna.send(
                                        "PUT",
                                        "/api/v1/sessions/\(id)/answers/\(questionID)",
                                        body: data
                                    )
                                else { return (id, kept) }
                                if response.status == 200 {
                                    kept[questionID] = data
                                    acknowledgedCount.add()
                                    state = response.json
                                    answered = true
                                    break
                                }
                                if response.status != 422 { return (id, kept) }
                            }
                            if !answered { return (id, kept) }
                        }
                        return (id, kept)
                    }
                }
                var all: [String: [String: Data]] = [:]
                for await (id, kept) in group { all[id] = kept }
                return all
            }
        }
        // Kill once answers flow from many interviews at once (or after 60 s at the most).
        let deadline = ContinuousClock.now + .seconds(60)
        while acknowledgedCount.value < 60, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        server.server.kill()
        let acknowledged = await answering.value
        let total = acknowledged.values.map(\.count).reduce(0, +)
        #expect(total >= 60, "answers acknowledged before the kill: \(total)")

        try await server.server.start()
        let again = APIClient(baseURL: try #require(server.server.baseURL), bearerToken: anna.bearerToken)
        for id in ids {
            let after = try await again.get("/api/v1/sessions/\(id)")
            #expect(after.status == 200, "\(after)")
            let kept = try (acknowledged[id] ?? [:]).mapValues { try JSONSerialization.jsonObject(with: $0) }
            expectAnswersKept(kept, in: after.json)
        }
    }
}

/// How many answers the server has acknowledged so far, counted from many tasks.
private final class AcknowledgedCount: Sendable {
    private let count = Mutex(0)

    func add() { count.withLock { $0 += 1 } }

    var value: Int { count.withLock { $0 } }
}
