import Foundation
import KoersTestSupport
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
}
