import Foundation
import KoersTestSupport
import Testing

/// The findings of issue 18, as requests: unknown fields, content types, numbers Koers cannot
/// hold, deleting what is not there, unsupported methods and an unknown pack in a body.
@Suite("API: strict requests")
struct StrictRequestTests {
    /// A coach with an organisation, a set-eligibility session and a maturity-scan session.
    struct Setup {
        let anna: InProcessClient
        let organisationID: String
        let sessionID: String
        let scanID: String
        let moneyQuestion: String
        let scoreID: String
    }

    static func setUp(_ server: InProcessServer) async throws -> Setup {
        try await server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String, "\(organisation)")
        let started = try await anna.post(
            "/api/v1/organisations/\(organisationID)/sessions",
            ["pack": "set-eligibility", "date": "2021-10-01"]
        )
        let scan = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
        let pack = try await anna.get("/api/v1/packs/set-eligibility")
        let questions = pack.json["questions"] as? [[String: Any]] ?? []
        let money = try #require(questions.first { $0["type"] as? String == "money" }?["id"] as? String)
        let scanPack = try await anna.get("/api/v1/packs/maturity-scan")
        let scoreID = try #require((scanPack.json["scores"] as? [[String: Any]])?.first?["id"] as? String)
        return Setup(
            anna: anna,
            organisationID: organisationID,
            sessionID: try sessionID(of: started.json),
            scanID: try sessionID(of: scan.json),
            moneyQuestion: money,
            scoreID: scoreID
        )
    }

    static func revision(_ client: InProcessClient, _ id: String) async throws -> Int {
        let state = try await client.get("/api/v1/sessions/\(id)")
        return try #require((state.json["session"] as? [String: Any])?["revision"] as? Int, "\(state)")
    }

    @Test("an unknown field is a 400 naming it, and nothing is saved (a typo no longer loses data)")
    func unknownFields() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let setup = try await Self.setUp(server)
            let path = "/api/v1/sessions/\(setup.sessionID)/answers/\(setup.moneyQuestion)"
            let before = try await Self.revision(setup.anna, setup.sessionID)
            let typo = try await setup.anna.put(path, ["value": 125000, "notes": "x"])
            #expect(typo.isProblem(400) && typo.problemFields == ["notes"], "\(typo)")
            #expect((typo.json["detail"] as? String)?.contains("'notes'") == true, "\(typo)")
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before)
            let two = try await setup.anna.post("/api/v1/organisations", ["name": "X", "colour": "red", "size": 3])
            #expect(two.isProblem(400) && Set(two.problemFields) == ["colour", "size"], "\(two)")
            let login = try await server.client.post(
                "/api/v1/login",
                ["email": "anna@example.nl", "password": "x", "remember": true]
            )
            #expect(login.isProblem(400) && login.problemFields == ["remember"], "\(login)")
            let session = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility", "lang": "en"])
            #expect(session.isProblem(400) && session.problemFields == ["lang"], "\(session)")
            // null is not "left out": a field is given or not sent.
            let nullNote = try await setup.anna.send("PUT", path, body: Data(#"{"value": 125000, "note": null}"#.utf8))
            #expect(nullNote.isProblem(400) && nullNote.problemFields == ["note"], "\(nullNote)")
            let nullExpiry = try await setup.anna.send(
                "POST",
                "/api/v1/share-links",
                body: Data(#"{"sessionIds": ["\#(setup.sessionID)"], "expiresAt": null}"#.utf8)
            )
            #expect(nullExpiry.isProblem(400) && nullExpiry.problemFields == ["expiresAt"], "\(nullExpiry)")
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before)
            // The known fields still work, and an escaped name is read as its text.
            let escaped = try await setup.anna.send(
                "PUT",
                path,
                body: Data(#"{"\u0076alue": 125000, "note": "ok"}"#.utf8)
            )
            #expect(escaped.status == 200, "\(escaped)")
        }
    }

    @Test("a body that is not sent as JSON is a 415; application/json and +json types are read")
    func contentTypes() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let body = Data(#"{"pack": "set-eligibility"}"#.utf8)
            for type in [
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/jsonx", "",
            ] {
                let response = try await server.client.send(
                    "POST",
                    "/api/v1/sessions",
                    body: body,
                    headers: ["Content-Type": type]
                )
                #expect(response.isProblem(415), "\(type): \(response)")
            }
            let form = try await server.client.send(
                "POST",
                "/api/v1/sessions",
                body: Data("pack=set-eligibility".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded"]
            )
            #expect(form.isProblem(415), "\(form)")
            for type in [
                "application/json", "application/json; charset=utf-8", "Application/JSON",
                "application/merge-patch+json",
            ] {
                let response = try await server.client.send(
                    "POST",
                    "/api/v1/sessions",
                    body: body,
                    headers: ["Content-Type": type]
                )
                #expect(response.status == 201, "\(type): \(response)")
            }
        }
    }

    @Test("a number Koers cannot hold is a 422 naming the field and the limit, on an answer and an override")
    func unrepresentableNumbers() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let setup = try await Self.setUp(server)
            let answer = "/api/v1/sessions/\(setup.sessionID)/answers/\(setup.moneyQuestion)"
            let override = "/api/v1/sessions/\(setup.scanID)/overrides/\(setup.scoreID)"
            let before = try await Self.revision(setup.anna, setup.sessionID)
            let literals = ["1e300", "1e-200", "-1e400", "1234567890123456789012345678901234567890", "1e128"]
            for literal in literals {
                for (path, rest) in [(answer, ""), (override, #", "justification": "te hoog""#)] {
                    let response = try await setup.anna.send(
                        "PUT",
                        path,
                        body: Data(#"{"value": \#(literal)\#(rest)}"#.utf8)
                    )
                    #expect(
                        response.isProblem(422) && response.problemFields == ["value"],
                        "\(literal) at \(path): \(response)"
                    )
                    let message = (response.json["errors"] as? [[String: Any]])?.first?["message"] as? String ?? ""
                    #expect(
                        message.contains("38") && message.contains("-128") && message.contains("127"),
                        "the limit: \(message)"
                    )
                    #expect(!response.text.contains("object"), "\(response)")
                }
            }
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before)
            // Inside the limits a number is read exactly, from its literal.
            let exact = try await setup.anna.send("PUT", answer, body: Data(#"{"value": 125000.10}"#.utf8))
            #expect(exact.status == 200, "\(exact)")
            let saved = (exact.json["answers"] as? [[String: Any]])?.first {
                $0["questionId"] as? String == setup.moneyQuestion
            }
            #expect((saved?["display"] as? String)?.contains("125") == true, "\(String(describing: saved))")
            let written = try await setup.anna.send(
                "PUT",
                override,
                body: Data(#"{"value": 2e0, "justification": "x"}"#.utf8)
            )
            #expect(written.status == 200, "2e0 is the number 2: \(written)")
        }
    }

    @Test("deleting an answer that is not there is a 404 without a write; deleting one that is bumps the revision once")
    func deleteMissingAnswer() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let setup = try await Self.setUp(server)
            let path = "/api/v1/sessions/\(setup.sessionID)/answers/\(setup.moneyQuestion)"
            let before = try await Self.revision(setup.anna, setup.sessionID)
            for _ in 1...3 {
                let missing = try await setup.anna.delete(path)
                #expect(missing.isProblem(404), "\(missing)")
            }
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before, "no write, no revision")
            let missingOverride = try await setup.anna.delete(
                "/api/v1/sessions/\(setup.scanID)/overrides/\(setup.scoreID)"
            )
            #expect(missingOverride.isProblem(404), "the same as for an override: \(missingOverride)")

            let answered = try await setup.anna.put(path, ["value": 125000])
            #expect(answered.status == 200, "\(answered)")
            let removed = try await setup.anna.delete(path)
            #expect(removed.status == 200, "\(removed)")
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before + 2)
            let again = try await setup.anna.delete(path)
            #expect(again.isProblem(404), "\(again)")
            #expect(try await Self.revision(setup.anna, setup.sessionID) == before + 2)
        }
    }

    @Test("a method a path does not take is a 405 with Allow from the route table; an unknown path stays 404")
    func methodNotAllowed() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let cases: [(String, String, String)] = [
                ("DELETE", "/api/v1/packs", "GET"),
                ("POST", "/api/v1/packs/set-eligibility", "GET"),
                ("GET", "/api/v1/logout", "POST"),
                ("PATCH", "/api/v1/sessions/x/answers/y", "PUT, DELETE"),
                ("PUT", "/api/v1/organisations", "GET, POST"),
                ("POST", "/health", "GET"),
                ("GET", "/api/v1/share-links/abc", "DELETE"),
            ]
            for (method, path, allow) in cases {
                let response = try await server.client.send(method, path, json: nil, body: nil, headers: [:])
                #expect(
                    response.isProblem(405) && response.header("Allow") == allow,
                    "\(method) \(path): \(response) \(response.headers)"
                )
            }
            let head = try await server.client.send("HEAD", "/api/v1/packs", json: nil, body: nil, headers: [:])
            #expect(head.status == 405 && head.header("Allow") == "GET", "the router has no HEAD routes: \(head)")
            let unknown = try await server.client.send(
                "DELETE",
                "/api/v1/no-such-thing",
                json: nil,
                body: nil,
                headers: [:]
            )
            #expect(unknown.isProblem(404), "\(unknown)")
        }
    }

    @Test("an unknown pack in a body is a 422 naming pack; in a path it stays 404")
    func unknownPackInBody() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let setup = try await Self.setUp(server)
            for pack in ["set-eligibilty", "../../etc", ""] {
                let anonymous = try await server.client.post("/api/v1/sessions", ["pack": pack])
                #expect(anonymous.isProblem(422) && anonymous.problemFields == ["pack"], "\(anonymous)")
                let coached = try await setup.anna.post(
                    "/api/v1/organisations/\(setup.organisationID)/sessions",
                    ["pack": pack]
                )
                #expect(coached.isProblem(422) && coached.problemFields == ["pack"], "\(coached)")
            }
            let suggestion = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibilty"])
            #expect((suggestion.json["detail"] as? String)?.contains("set-eligibility") == true, "\(suggestion)")
            let path = try await server.client.get("/api/v1/packs/set-eligibilty")
            #expect(path.isProblem(404), "\(path)")
        }
    }

    @Test(
        "the answer flags are only true, share links take one or two different sessions, expiresAt is any RFC 3339 time"
    )
    func schemaRules() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let setup = try await Self.setUp(server)
            let path = "/api/v1/sessions/\(setup.sessionID)/answers/\(setup.moneyQuestion)"
            let flagFalse = try await setup.anna.put(path, ["dontKnow": false])
            #expect(flagFalse.isProblem(400) && flagFalse.problemFields == ["dontKnow"], "\(flagFalse)")
            let valueAndFalse = try await setup.anna.put(path, ["value": 10, "skip": false])
            #expect(valueAndFalse.isProblem(400), "\(valueAndFalse)")
            let same = try await setup.anna.post(
                "/api/v1/share-links",
                ["sessionIds": [setup.sessionID, setup.sessionID]]
            )
            #expect(same.isProblem(422) && same.problemFields == ["sessionIds"], "\(same)")
            let none = try await setup.anna.post("/api/v1/share-links", ["sessionIds": [String]()])
            #expect(none.isProblem(422) && none.problemFields == ["sessionIds"], "\(none)")
            let three = try await setup.anna.post("/api/v1/share-links", ["sessionIds": ["a", "b", "c"]])
            #expect(three.isProblem(422) && three.problemFields == ["sessionIds"], "\(three)")
            for time in ["2999-01-31T12:00:00Z", "2999-01-31t13:00:00.123456+01:00", "2999-12-31T23:59:60z"] {
                let link = try await setup.anna.post(
                    "/api/v1/share-links",
                    ["sessionIds": [setup.sessionID], "expiresAt": time]
                )
                #expect(link.status == 201, "\(time): \(link)")
            }
            for time in ["2999-02-30T12:00:00Z", "2999-01-31 12:00", "tomorrow"] {
                let link = try await setup.anna.post(
                    "/api/v1/share-links",
                    ["sessionIds": [setup.sessionID], "expiresAt": time]
                )
                #expect(link.isProblem(400) && link.problemFields == ["expiresAt"], "\(time): \(link)")
            }
        }
    }
}
