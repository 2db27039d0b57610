import Foundation
import KoersServer
import KoersStorage
import KoersTestSupport
import Testing

/// Roles through the API (the router in process): an administrator manages accounts, a coach
/// cannot, a reviewer reads and changes nothing, a deactivated account cannot log in.
@Suite("API: roles and accounts", .serialized)
struct RoleTests {
    /// An administrator (anna, the first account), a coach (bert) and a reviewer (rik), an
    /// organisation of anna's with a maturity-scan session with one answer, and a share link.
    struct World {
        let server: InProcessServer
        let anna: InProcessClient
        let annaID: String
        let bertID: String
        let rikID: String
        let organisationID: String
        let sessionID: String
        let questionID: String
        let option: String
        let scoreID: String
        let linkID: String
    }

    static func world(_ server: InProcessServer) async throws -> World {
        let anna = try await server.services.accounts.createCoach(
            email: "anna@example.nl", name: "Anna", password: InProcessServer.password, role: .coach
        )
        #expect(anna.role == .administrator, "the first account is an administrator, whatever was asked")
        let annaClient = try await server.login("anna@example.nl")
        let bert = try await annaClient.post(
            "/api/v1/accounts",
            ["email": "bert@example.nl", "name": "Bert", "password": InProcessServer.password, "role": "coach"]
        )
        #expect(bert.status == 201 && bert.json["role"] as? String == "coach", "\(bert)")
        let rik = try await annaClient.post(
            "/api/v1/accounts",
            ["email": "rik@example.nl", "name": "Rik", "password": InProcessServer.password, "role": "reviewer"]
        )
        #expect(rik.status == 201 && rik.json["role"] as? String == "reviewer", "\(rik)")
        let organisation = try await annaClient.post("/api/v1/organisations", ["name": "Thuiszorg De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        let started = try await annaClient.post(
            "/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan", "label": "0-meting"]
        )
        let sessionID = try sessionID(of: started.json)
        let next = try #require(started.json["nextQuestion"] as? [String: Any])
        let questionID = try #require(next["id"] as? String)
        let option = try #require((next["options"] as? [[String: Any]])?.first?["id"] as? String)
        let answered = try await annaClient.put("/api/v1/sessions/\(sessionID)/answers/\(questionID)", ["value": option])
        #expect(answered.status == 200, "\(answered)")
        let pack = try await annaClient.get("/api/v1/packs/maturity-scan")
        let scoreID = try #require((pack.json["scores"] as? [[String: Any]])?.first?["id"] as? String)
        let link = try await annaClient.post("/api/v1/share-links", ["sessionIds": [sessionID]])
        let linkID = try #require((link.json["link"] as? [String: Any])?["id"] as? String, "\(link)")
        return World(
            server: server, anna: annaClient, annaID: anna.id, bertID: try #require(bert.json["id"] as? String),
            rikID: try #require(rik.json["id"] as? String), organisationID: organisationID, sessionID: sessionID,
            questionID: questionID, option: option, scoreID: scoreID, linkID: linkID
        )
    }

    @Test("a reviewer reads the organisations shared with them and every write route answers 403", arguments: Backend.all)
    func reviewerCannotWrite(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let world = try await Self.world(server)
            let outsider = try await server.login("rik@example.nl")
            #expect(try await outsider.get("/api/v1/organisations/\(world.organisationID)").status == 404)
            let shared = try await world.anna.send(
                "PUT", "/api/v1/accounts/\(world.rikID)/organisations/\(world.organisationID)"
            )
            #expect(shared.status == 204, "\(shared)")
            let rik = outsider
            // Reading: the organisation, its sessions, a session, its result, report, file and
            // the export, and a comparison.
            for path in [
                "/api/v1/organisations", "/api/v1/organisations/\(world.organisationID)",
                "/api/v1/organisations/\(world.organisationID)/sessions",
                "/api/v1/organisations/\(world.organisationID)/share-links", "/api/v1/sessions/\(world.sessionID)",
                "/api/v1/sessions/\(world.sessionID)/result", "/api/v1/sessions/\(world.sessionID)/report",
                "/api/v1/sessions/\(world.sessionID)/file", "/api/v1/organisations/\(world.organisationID)/export",
                "/api/v1/me",
            ] {
                let read = try await rik.get(path)
                #expect(read.status == 200, "\(path): \(read)")
            }
            #expect(try await rik.get("/api/v1/me").json["role"] as? String == "reviewer")

            // Every route that changes something, with a body it would otherwise take.
            let ids = [
                "organisationId": world.organisationID, "sessionId": world.sessionID, "questionId": world.questionID,
                "scoreId": world.scoreID, "shareLinkId": world.linkID, "accountId": world.bertID,
            ]
            let bodies: [APIEndpoint: Any] = [
                .createOrganisation: ["name": "Andere"], .addOrganisationCoach: ["email": "bert@example.nl"],
                .createOrganisationSession: ["pack": "maturity-scan"], .answerQuestion: ["value": world.option],
                .setOverride: ["value": "3", "justification": "Gesprek"], .createShareLink: ["sessionIds": [world.sessionID]],
                .createAccount: ["email": "x@example.nl", "name": "X", "password": InProcessServer.password, "role": "coach"],
                .updateAccount: ["active": false], .resetAccountPassword: ["password": InProcessServer.password],
                .importSession: ["file": "pack: maturity-scan\nanswers: {}\n"],
            ]
            let allowed: Set<APIEndpoint> = [.login, .logout, .changeOwnPassword, .createAnonymousSession]
            var checked = 0
            for endpoint in APIEndpoint.allCases where endpoint.methodName != "GET" && !allowed.contains(endpoint) {
                var path = endpoint.path
                for (name, value) in ids { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
                let body = try bodies[endpoint].map { try JSONSerialization.data(withJSONObject: $0) }
                let response = try await rik.send(
                    endpoint.methodName, path, body: body, headers: body == nil ? [:] : ["Content-Type": "application/json"]
                )
                #expect(response.isProblem(403), "\(endpoint.methodName) \(path): \(response)")
                #expect(response.text.contains("reviewer") || response.text.contains("administrator"), "\(response)")
                checked += 1
            }
            #expect(checked >= 18)

            // Nothing changed.
            let session = try await world.anna.get("/api/v1/sessions/\(world.sessionID)")
            #expect((session.json["session"] as? [String: Any])?["revision"] as? Int == 2, "\(session)")
            let sessions = try await world.anna.get("/api/v1/organisations/\(world.organisationID)/sessions")
            #expect((sessions.json["sessions"] as? [Any])?.count == 1)
            let accounts = try await world.anna.get("/api/v1/accounts")
            #expect((accounts.json["accounts"] as? [[String: Any]])?.count == 3)
            #expect(try await server.services.store.organisations(ofCoach: world.rikID).count == 1)

            // The services refuse a reviewer's change too, whatever route asks.
            let reviewer = try #require(try await server.services.store.coach(id: world.rikID))
            let access = Access.coach(reviewer)
            await expectForbidden {
                _ = try await server.services.sessions.answer(
                    world.questionID, in: world.sessionID, with: .dontKnow, access: access
                )
            }
            await expectForbidden {
                _ = try await server.services.sessions.create(
                    NewSession(packID: "maturity-scan"), organisationID: world.organisationID, access: access
                )
            }
            await expectForbidden { _ = try await server.services.organisations.create(name: "X", access: access) }
            await expectForbidden {
                _ = try await server.services.shareLinks.create(sessionIDs: [world.sessionID], expiresAt: nil, access: access)
            }
            await expectForbidden { _ = try await server.services.shareLinks.revoke(id: world.linkID, access: access) }
            await expectForbidden {
                try await server.services.organisationData.deleteSession(world.sessionID, access: access)
            }
            await expectForbidden {
                try await server.services.organisationData.deleteOrganisation(world.organisationID, access: access)
            }
            await expectForbidden {
                _ = try await server.services.organisationData.importSession(
                    text: "pack: maturity-scan\nanswers: {}\n", fileName: "a.yaml",
                    organisationID: world.organisationID, access: access
                )
            }

            // Their own password they may change.
            let changed = try await rik.post(
                "/api/v1/me/password",
                ["currentPassword": InProcessServer.password, "newPassword": "een nieuw wachtwoord"]
            )
            #expect(changed.status == 204, "\(changed)")
        }
    }

    @Test("a coach cannot manage accounts; an administrator can", arguments: Backend.all)
    func coachCannotManageAccounts(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let world = try await Self.world(server)
            let bert = try await server.login("bert@example.nl")
            let attempts: [(String, String, Any?)] = [
                ("GET", "/api/v1/accounts", nil),
                ("GET", "/api/v1/accounts/\(world.rikID)", nil),
                ("POST", "/api/v1/accounts", ["email": "x@example.nl", "name": "X", "password": InProcessServer.password, "role": "administrator"]),
                ("PATCH", "/api/v1/accounts/\(world.rikID)", ["role": "administrator"]),
                ("PATCH", "/api/v1/accounts/\(world.bertID)", ["role": "administrator"]),
                ("POST", "/api/v1/accounts/\(world.rikID)/password", ["password": "overgenomen!"]),
                ("PUT", "/api/v1/accounts/\(world.bertID)/organisations/\(world.organisationID)", nil),
                ("DELETE", "/api/v1/accounts/\(world.annaID)/organisations/\(world.organisationID)", nil),
            ]
            for (method, path, json) in attempts {
                let response = try await bert.send(method, path, json: json, body: nil, headers: [:])
                #expect(response.isProblem(403), "\(method) \(path): \(response)")
                #expect(response.text.contains("only an administrator manages accounts"), "\(response)")
            }
            #expect(try await bert.get("/api/v1/me").json["role"] as? String == "coach")
            #expect(try await bert.get("/api/v1/organisations/\(world.organisationID)").status == 404)

            // The administrator makes bert a member, then an administrator; bert then manages.
            #expect(try await world.anna.send("PUT", "/api/v1/accounts/\(world.bertID)/organisations/\(world.organisationID)").status == 204)
            #expect(try await bert.get("/api/v1/organisations/\(world.organisationID)").status == 200)
            let promoted = try await world.anna.send("PATCH", "/api/v1/accounts/\(world.bertID)", json: ["role": "administrator"], body: nil, headers: [:])
            #expect(promoted.status == 200 && promoted.json["role"] as? String == "administrator", "\(promoted)")
            let list = try await bert.get("/api/v1/accounts")
            #expect((list.json["accounts"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["anna@example.nl", "bert@example.nl", "rik@example.nl"])
            let account = try await bert.get("/api/v1/accounts/\(world.bertID)")
            #expect((account.json["organisations"] as? [[String: Any]])?.first?["id"] as? String == world.organisationID)
            let removed = try await world.anna.delete("/api/v1/accounts/\(world.bertID)/organisations/\(world.organisationID)")
            #expect(removed.status == 204)
            #expect(try await world.anna.delete("/api/v1/accounts/\(world.bertID)/organisations/\(world.organisationID)").isProblem(404))
            #expect(try await bert.get("/api/v1/organisations/\(world.organisationID)").status == 404)
        }
    }

    @Test("a deactivated account cannot log in and its tokens stop at once; the last administrator stays", arguments: Backend.all)
    func deactivatedAccountCannotLogIn(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let world = try await Self.world(server)
            let bert = try await server.login("bert@example.nl")
            #expect(try await bert.get("/api/v1/me").status == 200)
            let off = try await world.anna.send("PATCH", "/api/v1/accounts/\(world.bertID)", json: ["active": false], body: nil, headers: [:])
            #expect(off.status == 200 && off.json["active"] as? Bool == false && off.json["deactivatedAt"] != nil, "\(off)")
            #expect(try await bert.get("/api/v1/me").isProblem(401), "the token ends with the deactivation")
            #expect(try await server.services.store.deleteLogins(ofCoach: world.bertID, keeping: nil) == 0, "no login is left")
            let again = try await server.client.post("/api/v1/login", ["email": "bert@example.nl", "password": InProcessServer.password])
            #expect(again.isProblem(401) && again.text.contains("deactivated"), "\(again)")
            let wrong = try await server.client.post("/api/v1/login", ["email": "bert@example.nl", "password": "verkeerd wachtwoord"])
            #expect(wrong.isProblem(401) && !wrong.text.contains("deactivated"), "a wrong password tells nothing more")

            let on = try await world.anna.send("PATCH", "/api/v1/accounts/\(world.bertID)", json: ["active": true], body: nil, headers: [:])
            #expect(on.status == 200 && on.json["active"] as? Bool == true)
            _ = try await server.login("bert@example.nl")

            // Nobody deactivates themselves; the last active administrator keeps the role.
            let selfOff = try await world.anna.send("PATCH", "/api/v1/accounts/\(world.annaID)", json: ["active": false], body: nil, headers: [:])
            #expect(selfOff.isProblem(409), "\(selfOff)")
            let demoted = try await world.anna.send("PATCH", "/api/v1/accounts/\(world.annaID)", json: ["role": "coach"], body: nil, headers: [:])
            #expect(demoted.isProblem(409) && demoted.text.contains("last active administrator"), "\(demoted)")
            #expect(try await world.anna.get("/api/v1/me").json["role"] as? String == "administrator")
        }
    }

    @Test("changing one's own password needs the current one and ends the other logins; a reset ends them all", arguments: Backend.all)
    func passwords(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let world = try await Self.world(server)
            let bert = try await server.login("bert@example.nl")
            let bertElsewhere = try await server.login("bert@example.nl")
            let wrong = try await bert.post("/api/v1/me/password", ["currentPassword": "niet het wachtwoord", "newPassword": "een nieuw wachtwoord"])
            #expect(wrong.isProblem(422) && wrong.problemFields == ["currentPassword"], "\(wrong)")
            let short = try await bert.post("/api/v1/me/password", ["currentPassword": InProcessServer.password, "newPassword": "kort"])
            #expect(short.isProblem(422) && short.problemFields == ["newPassword"], "\(short)")
            let changed = try await bert.post("/api/v1/me/password", ["currentPassword": InProcessServer.password, "newPassword": "een nieuw wachtwoord"])
            #expect(changed.status == 204, "\(changed)")
            #expect(try await bert.get("/api/v1/me").status == 200, "the login that changed it stays")
            #expect(try await bertElsewhere.get("/api/v1/me").isProblem(401), "the other login ends")
            let old = try await server.client.post("/api/v1/login", ["email": "bert@example.nl", "password": InProcessServer.password])
            #expect(old.isProblem(401))
            let new = try await server.client.post("/api/v1/login", ["email": "bert@example.nl", "password": "een nieuw wachtwoord"])
            #expect(new.status == 200, "\(new)")

            let reset = try await world.anna.post("/api/v1/accounts/\(world.bertID)/password", ["password": "door de beheerder"])
            #expect(reset.status == 204, "\(reset)")
            #expect(try await bert.get("/api/v1/me").isProblem(401), "a reset ends every login")
            let afterReset = try await server.client.post("/api/v1/login", ["email": "bert@example.nl", "password": "door de beheerder"])
            #expect(afterReset.status == 200)
        }
    }

    @Test("the pages: a reviewer is sent from the question pages to the answers and sees no form to change anything")
    func reviewerReadsTheInterviewPages() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let world = try await Self.world(server)
            #expect(try await world.anna.send("PUT", "/api/v1/accounts/\(world.rikID)/organisations/\(world.organisationID)").status == 204)
            let rik = try await PageUser.logIn(server, "rik@example.nl")
            let base = "/sessions/\(world.sessionID)"
            let next = try await rik.get(base)
            #expect(next.status == 303 && next.header("Location") == "\(base)/review", "\(next)")
            let question = try await rik.get("\(base)/questions/\(world.questionID)")
            #expect(question.status == 303 && question.header("Location") == "\(base)/review#review-\(world.questionID)", "\(question)")
            let review = try await rik.get("\(base)/review")
            #expect(review.status == 200 && review.text.contains("id=\"review-\(world.questionID)\""), "\(review)")
            #expect(!review.text.contains("change-link") && !review.text.contains("id=\"continue\""), "no way to change: \(review.text)")
            let result = try await rik.get("\(base)/result")
            #expect(result.status == 200, "\(result)")
            for form in ["override-form", "verify-form", "dispute-form"] {
                #expect(!result.text.contains(form), "no \(form) on a reviewer's result")
            }
            #expect(result.text.contains("href=\"\(base)/review\""), "the answers are one link away")

            // The coach who wrote them still gets the question form and the change links.
            let anna = try await PageUser.logIn(server, "anna@example.nl")
            let coachQuestion = try await anna.get("\(base)/questions/\(world.questionID)")
            #expect(coachQuestion.status == 200 && coachQuestion.text.contains("id=\"question-form\""), "\(coachQuestion)")
            let coachReview = try await anna.get("\(base)/review")
            #expect(coachReview.text.contains("change-link"))
            let coachResult = try await anna.get("\(base)/result").text
            #expect(coachResult.contains("override-form") && coachResult.contains("verify-form"))
        }
    }

    @Test("the pages: a reviewer's forms answer 403 with a message, a coach has no accounts page, the header names the role")
    func pages() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let world = try await Self.world(server)
            #expect(try await world.anna.send("PUT", "/api/v1/accounts/\(world.rikID)/organisations/\(world.organisationID)").status == 204)
            let rik = try await PageUser.logIn(server, "rik@example.nl")
            let organisation = try await rik.get("/organisations/\(world.organisationID)")
            #expect(organisation.status == 200)
            #expect(organisation.text.contains("beoordelaar (alleen lezen)"), "the header names the role")
            #expect(!organisation.text.contains("id=\"new-session\"") && !organisation.text.contains("id=\"import-session\""))
            #expect(organisation.text.contains("/organisations/\(world.organisationID)/export"))
            for (path, fields) in [
                ("/organisations", "name=X"), ("/organisations/\(world.organisationID)/sessions", "pack=maturity-scan"),
                ("/sessions/\(world.sessionID)/answer", "question=\(world.questionID)&value=\(world.option)"),
                ("/sessions/\(world.sessionID)/delete", ""), ("/organisations/\(world.organisationID)/delete", "confirmName=Thuiszorg+De+Linde"),
                ("/share-links/\(world.linkID)/revoke", ""), ("/accounts", "email=x%40example.nl&name=X&role=coach&password=abcdefghij"),
            ] {
                let response = try await rik.post(path, fields)
                #expect(response.status == 403, "\(path): \(response)")
                #expect(response.text.contains("alleen lezen") || response.text.contains("niets wijzigen"), "\(path)")
            }
            #expect(try await rik.get("/accounts").status == 403)
            let password = try await rik.post(
                "/account/password",
                "currentPassword=correct+horse+battery&newPassword=nieuw+wachtwoord&repeatPassword=nieuw+wachtwoord"
            )
            #expect(password.status == 200 && password.text.contains("Uw wachtwoord is gewijzigd"), "\(password)")

            let bert = try await PageUser.logIn(server, "bert@example.nl")
            let accounts = try await bert.get("/accounts")
            #expect(accounts.status == 403 && accounts.text.contains("Alleen een beheerder"), "\(accounts)")

            let anna = try await PageUser.logIn(server, "anna@example.nl")
            let page = try await anna.get("/accounts")
            #expect(page.status == 200 && page.text.contains("rik@example.nl") && page.text.contains("href=\"/accounts\""))
            let added = try await anna.post("/accounts", "email=nina%40example.nl&name=Nina&role=reviewer&password=wachtwoord+nina")
            #expect(added.status == 303, "\(added)")
            let nina = try #require(try await server.services.accounts.coach(email: "nina@example.nl"))
            #expect(nina.role == .reviewer)
            let assigned = try await anna.post("/accounts/\(nina.id)/assign", "organisation=\(world.organisationID)")
            #expect(assigned.status == 200 && assigned.text.contains("Thuiszorg De Linde"), "\(assigned)")
            let deactivated = try await anna.post("/accounts/\(nina.id)/deactivate", "")
            #expect(deactivated.status == 200 && deactivated.text.contains("gedeactiveerd"))
            #expect(try await server.services.store.coach(id: nina.id)?.isActive == false)
            let reset = try await anna.post("/accounts/\(nina.id)/password", "password=kort")
            #expect(reset.status == 422 && reset.text.contains("minstens 8 tekens"), "\(reset)")
            let selfOff = try await anna.post("/accounts/\(world.annaID)/deactivate", "")
            #expect(selfOff.status == 422 || selfOff.status == 200)
            #expect(try await server.services.store.coach(id: world.annaID)?.isActive == true)
        }
    }
}

/// Expects a ``ServiceError/forbidden(_:)``.
func expectForbidden(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected 403 forbidden, the change was made", sourceLocation: sourceLocation)
    } catch let error as ServiceError {
        if case .forbidden = error { return }
        Issue.record("expected forbidden, got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a ServiceError, got \(error)", sourceLocation: sourceLocation)
    }
}
