import Foundation
import KoersTestSupport
import Testing

/// Bad input gets a clear 4xx problem and loses nothing.
@Suite("API: bad input", .serialized)
struct BadInputTests {
    @Test("bad requests get RFC 9457 problems and every earlier answer stays", arguments: Backend.all)
    func badInputLosesNothing(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna")
            let anna = try await server.login("anna@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String)
            let started = try await anna.post(
                "/api/v1/organisations/\(organisationID)/sessions",
                ["pack": "set-eligibility", "date": "2021-10-01"]
            )
            let id = try sessionID(of: started.json)

            // A few good answers first.
            let driver = InterviewDriver(client: anna, sessionID: id)
            var state = started.json
            for step in 1...3 {
                let question = try #require(state["nextQuestion"] as? [String: Any])
                let questionID = try #require(question["id"] as? String)
                for body in driver.candidates(for: question, step: step) {
                    let response = try await anna.put("/api/v1/sessions/\(id)/answers/\(questionID)", body)
                    if response.status == 200 {
                        state = response.json
                        break
                    }
                }
            }
            let before = try await anna.get("/api/v1/sessions/\(id)")
            let revision = (before.json["session"] as? [String: Any])?["revision"] as? Int
            let answersBefore = before.json["answers"] as? [[String: Any]] ?? []
            #expect(answersBefore.count == 3)
            let pack = try await anna.get("/api/v1/packs/set-eligibility")
            let questions = pack.json["questions"] as? [[String: Any]] ?? []
            let moneyQuestion = try #require(questions.first { $0["type"] as? String == "money" }?["id"] as? String)
            let boolQuestion = try #require(questions.first { $0["type"] as? String == "boolean" }?["id"] as? String)
            let answerPath = "/api/v1/sessions/\(id)/answers/\(moneyQuestion)"

            let malformed = try await anna.send("PUT", answerPath, body: Data("{\"value\": ".utf8))
            #expect(malformed.isProblem(400), "\(malformed)")
            let notObject = try await anna.send("PUT", answerPath, body: Data("[1, 2]".utf8))
            #expect(notObject.isProblem(400), "\(notObject)")
            let empty = try await anna.send("PUT", answerPath, body: Data())
            #expect(empty.isProblem(400), "\(empty)")
            let objectValue = try await anna.put(answerPath, ["value": ["a": 1]])
            #expect(objectValue.isProblem(400) && objectValue.problemFields == ["value"], "\(objectValue)")
            let wrongFlag = try await anna.put(answerPath, ["dontKnow": "yes"])
            #expect(wrongFlag.isProblem(400) && wrongFlag.problemFields == ["dontKnow"], "\(wrongFlag)")
            let both = try await anna.put(answerPath, ["value": 10, "skip": true])
            #expect(both.isProblem(400), "\(both)")
            let notMoney = try await anna.put(answerPath, ["value": "veel geld"])
            #expect(notMoney.isProblem(422) && notMoney.problemFields == ["value"], "\(notMoney)")
            #expect((notMoney.json["detail"] as? String)?.contains("bedrag") == true, "the pack's own Dutch message: \(notMoney)")
            let notBoolean = try await anna.put("/api/v1/sessions/\(id)/answers/\(boolQuestion)", ["value": 42])
            #expect(notBoolean.isProblem(422), "\(notBoolean)")
            let unknownQuestion = try await anna.put("/api/v1/sessions/\(id)/answers/no_such_question", ["value": "ja"])
            #expect(unknownQuestion.isProblem(404), "\(unknownQuestion)")
            let tooLarge = try await anna.put(answerPath, ["value": 10, "note": String(repeating: "x", count: 100 * 1024)])
            #expect(tooLarge.isProblem(413), "\(tooLarge)")
            let longNote = try await anna.put(answerPath, ["value": 10, "note": String(repeating: "x", count: 5000)])
            #expect(longNote.isProblem(422) && longNote.problemFields == ["note"], "\(longNote)")
            let badLogin = try await anna.post("/api/v1/login", ["email": 5, "password": "x"])
            #expect(badLogin.isProblem(400) && badLogin.problemFields == ["email"], "\(badLogin)")
            let missingField = try await anna.post("/api/v1/organisations", [String: String]())
            #expect(missingField.isProblem(400) && missingField.problemFields == ["name"], "\(missingField)")
            let unknownField = try await anna.post("/api/v1/organisations", ["title": "x"])
            #expect(unknownField.isProblem(400) && unknownField.problemFields == ["title"], "\(unknownField)")
            let badLanguage = try await anna.get("/api/v1/sessions/\(id)?lang=fr")
            #expect(badLanguage.isProblem(400), "\(badLanguage)")
            let badFormat = try await anna.get("/api/v1/sessions/\(id)/report?format=pdf")
            #expect(badFormat.isProblem(400), "\(badFormat)")
            let badDate = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "stappenplan", "date": "01-10-2021x"])
            #expect(badDate.isProblem(422) && badDate.problemFields == ["date"], "\(badDate)")

            // Pack ids are looked up, never used as paths.
            for path in ["/api/v1/packs/..%2F..%2Fetc%2Fpasswd", "/api/v1/packs/%2E%2E", "/api/v1/packs/../../etc/passwd"] {
                let response = try await anna.get(path)
                #expect(response.status == 404 && !response.text.contains("root:"), "\(path): \(response)")
            }
            let traversal = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "../../etc"])
            #expect(traversal.isProblem(422) && traversal.problemFields == ["pack"], "an unknown pack in a body: \(traversal)")
            let unknownRoute = try await anna.get("/api/v1/no-such-thing")
            #expect(unknownRoute.isProblem(404), "\(unknownRoute)")
            let noToken = try await anna.anonymous.get("/api/v1/organisations")
            #expect(noToken.isProblem(401))
            let badToken = try await anna.anonymous.loggedIn(as: "forged").get("/api/v1/organisations")
            #expect(badToken.isProblem(401))

            // Nothing was lost or changed.
            let after = try await anna.get("/api/v1/sessions/\(id)")
            #expect((after.json["session"] as? [String: Any])?["revision"] as? Int == revision)
            let answersAfter = after.json["answers"] as? [[String: Any]] ?? []
            #expect(answersAfter.map { $0["questionId"] as? String } == answersBefore.map { $0["questionId"] as? String })
            #expect(answersAfter.map { $0["display"] as? String } == answersBefore.map { $0["display"] as? String })
        }
    }

    @Test("request ids, health and the served OpenAPI document")
    func requestIDsHealthAndDocument() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let client = server.client
            let health = try await client.get("/health")
            #expect(health.status == 200 && health.json["status"] as? String == "ok" && health.json["database"] as? String == "ok")
            let generated = try #require(health.header("X-Request-ID"))
            #expect(generated.count >= 16)
            let echoed = try await client.send("GET", "/api/v1/packs", headers: ["X-Request-ID": "trace-42.a_b"])
            #expect(echoed.header("X-Request-ID") == "trace-42.a_b")
            let replaced = try await client.send("GET", "/api/v1/nothing", headers: ["X-Request-ID": "bad id with spaces"])
            #expect(replaced.header("X-Request-ID") != "bad id with spaces")
            #expect(replaced.json["requestId"] as? String == replaced.header("X-Request-ID"))

            let served = try await client.get("/api/v1/openapi.json")
            let file = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent("openapi/koers-api.openapi.json"))
            #expect(served.status == 200 && served.data == file)
        }
    }
}
