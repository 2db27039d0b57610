import Foundation
import KoersTestSupport
import Testing

/// Answers to one session sent at the same time: each is saved or refused with a 409
/// problem (after one retry), and none that got a 2xx is lost.
@Suite("API: concurrent answers", .serialized)
struct ConcurrencyTests {
    @Test("concurrent answers to one session: every 2xx answer is kept, the revision counts them", arguments: Backend.all)
    func concurrentAnswers(backend: Backend) async throws {
        let server = try await TestServer(backend)
        try server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
        let id = try sessionID(of: started.json)
        let pack = try await anna.get("/api/v1/packs/maturity-scan")
        let driver = InterviewDriver(client: anna, sessionID: id)
        var requests: [(String, Data)] = []
        for (index, question) in (pack.json["questions"] as? [[String: Any]] ?? []).prefix(12).enumerated() {
            guard let questionID = question["id"] as? String, let body = driver.candidates(for: question, step: index).first
            else { continue }
            requests.append((questionID, try JSONSerialization.data(withJSONObject: body)))
        }
        let sent = requests
        let outcomes = await withTaskGroup(of: (String, Data, Int, Bool).self) { group in
            for (questionID, body) in sent {
                group.addTask {
                    guard let response = try? await anna.send("PUT", "/api/v1/sessions/\(id)/answers/\(questionID)", body: body)
                    else { return (questionID, body, -1, false) }
                    return (questionID, body, response.status, response.status == 200 || response.isProblem(409))
                }
            }
            var all: [(String, Data, Int, Bool)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let unexpected = outcomes.filter { !$0.3 }.map { "\($0.0): \($0.2)" }
        #expect(unexpected.isEmpty, "each answer is saved (200) or refused with a 409 problem")
        var saved: [String: Any] = [:]
        for (questionID, body, status, _) in outcomes where status == 200 {
            saved[questionID] = try JSONSerialization.jsonObject(with: body)
        }
        #expect(!saved.isEmpty)
        let after = try await anna.get("/api/v1/sessions/\(id)")
        expectAnswersKept(saved, in: after.json)
        #expect((after.json["answers"] as? [Any])?.count == saved.count)
        #expect((after.json["session"] as? [String: Any])?["revision"] as? Int == 1 + saved.count)
    }
}
