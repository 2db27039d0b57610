import Foundation
import KoersTestSupport
import Testing

/// Two people editing one session: a session's state carries its revision as the `ETag`, and an
/// answer written with `If-Match` is saved only when the session is still at that revision.
@Suite("API: If-Match on answers", .serialized)
struct IfMatchTests {
    /// Answers the next question of `id` with the first candidate the server accepts, sending
    /// `ifMatch`; returns the accepted response (or the first that is not a 422).
    private func answerNext(
        _ client: InProcessClient, _ id: String, state: [String: Any], ifMatch: String?, step: Int = 1
    ) async throws -> (response: APIResponse, question: String) {
        let question = try #require(state["nextQuestion"] as? [String: Any], "\(state)")
        let questionID = try #require(question["id"] as? String)
        let headers = ifMatch.map { ["If-Match": $0] } ?? [:]
        var last: APIResponse?
        for body in InterviewDriver(client: client, sessionID: id).candidates(for: question, step: step) {
            let response = try await client.send("PUT", "/api/v1/sessions/\(id)/answers/\(questionID)", json: body, body: nil, headers: headers)
            last = response
            if response.status != 422 { return (response, questionID) }
        }
        return (try #require(last), questionID)
    }

    @Test("an answer with an older revision in If-Match gets 412 and is not saved; the current one, *, or none is saved", arguments: Backend.all)
    func staleIfMatchIsRefusedWith412(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let created = try await server.client.post("/api/v1/sessions", ["pack": "maturity-scan"])
            let token = try #require(created.json["resumeToken"] as? String, "\(created)")
            let id = try sessionID(of: try #require(created.json["state"] as? [String: Any]))
            let client = server.client.resuming(with: token)

            let read = try await client.get("/api/v1/sessions/\(id)")
            #expect(read.header("ETag") == "\"1\"", "\(read.headers)")

            // The first coach answers with the revision read: saved, revision 2.
            let first = try await answerNext(client, id, state: read.json, ifMatch: "\"1\"")
            #expect(first.response.status == 200, "\(first.response)")
            #expect(first.response.header("ETag") == "\"2\"", "\(first.response.headers)")

            // The second, who also read revision 1, changes the same answer: 412, nothing saved.
            let stale = try await answerNext(client, id, state: read.json, ifMatch: "\"1\"", step: 2)
            #expect(stale.response.isProblem(412), "\(stale.response)")
            #expect(stale.response.text.contains("If-Match"), "the problem says what to do: \(stale.response)")
            let after = try await client.get("/api/v1/sessions/\(id)")
            #expect(after.header("ETag") == "\"2\"")
            #expect((after.json["session"] as? [String: Any])?["revision"] as? Int == 2)

            // A weak tag never matches; a list with the current one does; * and no header save.
            let weak = try await answerNext(client, id, state: read.json, ifMatch: "W/\"2\"", step: 2)
            #expect(weak.response.isProblem(412), "\(weak.response)")
            let listed = try await answerNext(client, id, state: read.json, ifMatch: "\"1\", \"2\"", step: 2)
            #expect(listed.response.status == 200 && listed.response.header("ETag") == "\"3\"", "\(listed.response)")
            let any = try await answerNext(client, id, state: read.json, ifMatch: "*", step: 3)
            #expect(any.response.status == 200 && any.response.header("ETag") == "\"4\"", "\(any.response)")
            let none = try await answerNext(client, id, state: read.json, ifMatch: nil, step: 4)
            #expect(none.response.status == 200 && none.response.header("ETag") == "\"5\"", "\(none.response)")

            // Removing an answer: the same rule.
            let staleRemove = try await client.send(
                "DELETE", "/api/v1/sessions/\(id)/answers/\(first.question)", json: nil, body: nil, headers: ["If-Match": "\"4\""]
            )
            #expect(staleRemove.isProblem(412), "\(staleRemove)")
            let remove = try await client.send(
                "DELETE", "/api/v1/sessions/\(id)/answers/\(first.question)", json: nil, body: nil, headers: ["If-Match": "\"5\""]
            )
            #expect(remove.status == 200 && remove.header("ETag") == "\"6\"", "\(remove)")

            // The document's maxLength of 200 holds: a longer header is a 400 problem naming it.
            let long = try await client.send(
                "DELETE", "/api/v1/sessions/\(id)/answers/\(first.question)", json: nil, body: nil,
                headers: ["If-Match": "\"6\", " + String(repeating: "x", count: 200)]
            )
            #expect(long.isProblem(400) && long.problemFields == ["If-Match"], "\(long)")
        }
    }

    @Test("the document states If-Match and 412 on the answer writes, and the ETag the server sends")
    func documentDescribesIfMatchAndETag() throws {
        let data = try Data(contentsOf: OpenAPITests.documentURL)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let components = try #require(document["components"] as? [String: Any])
        let parameters = try #require(components["parameters"] as? [String: [String: Any]])
        let ifMatch = try #require(parameters["ifMatch"])
        #expect(ifMatch["name"] as? String == "If-Match" && ifMatch["in"] as? String == "header")
        let answers = try #require(paths["/api/v1/sessions/{sessionId}/answers/{questionId}"])
        for method in ["put", "delete"] {
            let operation = try #require(answers[method])
            let refs = (operation["parameters"] as? [[String: Any]] ?? []).compactMap { $0["$ref"] as? String }
            #expect(refs.contains("#/components/parameters/ifMatch"), "\(method) takes If-Match")
            let responses = operation["responses"] as? [String: Any] ?? [:]
            #expect(responses["412"] != nil, "\(method) documents 412")
            let ok = responses["200"] as? [String: Any] ?? [:]
            #expect((ok["headers"] as? [String: Any])?["ETag"] != nil, "\(method) documents the ETag")
        }
        let session = try #require(paths["/api/v1/sessions/{sessionId}"]?["get"])
        let ok = (session["responses"] as? [String: Any])?["200"] as? [String: Any] ?? [:]
        #expect((ok["headers"] as? [String: Any])?["ETag"] != nil)
        let headers = try #require(components["headers"] as? [String: [String: Any]])
        let pattern = try #require((headers["ETag"]?["schema"] as? [String: Any])?["pattern"] as? String)
        #expect("\"12\"".range(of: pattern, options: .regularExpression) != nil)
    }
}
