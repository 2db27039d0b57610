import Foundation
import KoersTestSupport
import Testing

/// The coach's workspace in the web app (issue 13): answers taken over across packs and
/// measurements, the review before the verdict, and the history of every change with its
/// author, over the router in process.
@Suite("Workspace: prefill, review and history", .serialized)
struct WorkspaceTests {
    static func answers(_ state: [String: Any]) -> [String: [String: Any]] {
        Dictionary(
            (state["answers"] as? [[String: Any]] ?? []).compactMap { answer in
                (answer["questionId"] as? String).map { ($0, answer) }
            },
            uniquingKeysWith: { first, _ in first }
        )
    }

    @Test("a stappenplan starts with the business case of the maturity scan; a follow-up with the baseline's answers", arguments: Backend.all)
    func answersAreTakenOverAcrossPacksAndMeasurements(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna de Vries")
            let anna = try await server.login("anna@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "Thuiszorg De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String)
            let sessions = "/api/v1/organisations/\(organisationID)/sessions"

            let scan = try await anna.post(sessions, ["pack": "maturity-scan", "label": "0-meting"])
            let scanID = try sessionID(of: scan.json)
            var driver = InterviewDriver(client: anna, sessionID: scanID)
            _ = try await driver.run()
            let scanAnswers = Self.answers(try await anna.get("/api/v1/sessions/\(scanID)").json)
            let businessCase = scanAnswers.keys.filter { $0.hasPrefix("bc_") }
            #expect(businessCase.count > 3, "the maturity scan asked the business case: \(scanAnswers.keys.sorted())")

            // Another pack, the same measurement: the business case is there, marked.
            let plan = try await anna.post(sessions, ["pack": "stappenplan", "label": "0-meting"])
            #expect(plan.status == 201, "\(plan)")
            let planAnswers = Self.answers(plan.json)
            let planPack = try await anna.get("/api/v1/packs/stappenplan")
            let planQuestions = Set((planPack.json["questions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            let shared = businessCase.filter { planQuestions.contains($0) }
            #expect(!shared.isEmpty, "the stappenplan asks business-case questions too")
            for id in shared {
                let answer = try #require(planAnswers[id], "\(id) was not taken over")
                #expect(answer["value"] as? NSObject == scanAnswers[id]?["value"] as? NSObject, "\(id)")
                #expect((answer["takenOver"] as? String)?.hasPrefix("overgenomen uit ") == true, "\(answer)")
                #expect((answer["takenOver"] as? String)?.contains("0-meting") == true, "\(answer)")
                #expect(answer["awaitingConfirmation"] as? Bool == true)
            }
            #expect(Set(planAnswers.keys).isSubset(of: Set(scanAnswers.keys)))
            let planID = try sessionID(of: plan.json)
            #expect((plan.json["nextQuestion"] as? [String: Any])?["id"].map { shared.contains($0 as? String ?? "") } != true)

            // Giving the same answer again confirms it: the mark goes, the history keeps it.
            let first = try #require(shared.sorted().first)
            let confirmed = try await anna.put(
                "/api/v1/sessions/\(planID)/answers/\(first)", ["value": try #require(scanAnswers[first]?["value"])]
            )
            #expect(confirmed.status == 200, "\(confirmed)")
            #expect(Self.answers(confirmed.json)[first]?["awaitingConfirmation"] as? Bool == false)
            let history = try await anna.get("/api/v1/sessions/\(planID)/history")
            let kinds = (history.json["entries"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? "")" }
            #expect(kinds.filter { $0 == "taken_over" }.count == planAnswers.count)
            #expect(kinds.last == "taken_over_confirmed")

            // A follow-up of the scan, started from the baseline: every answer taken over.
            let other = try await anna.post(sessions, ["pack": "maturity-scan", "label": "1-meting", "startFrom": scanID])
            #expect(other.status == 201, "\(other)")
            let followUp = Self.answers(other.json)
            #expect(Set(followUp.keys) == Set(scanAnswers.keys))
            #expect(followUp.values.allSatisfy { $0["awaitingConfirmation"] as? Bool == true })

            // Only sessions of this organisation; not for anonymous sessions.
            let stranger = try await anna.post(sessions, ["pack": "maturity-scan", "startFrom": "elsewhere"])
            #expect(stranger.isProblem(422) && stranger.text.contains("startFrom"), "\(stranger)")
            let anonymous = try await server.client.post("/api/v1/sessions", ["pack": "maturity-scan", "startFrom": scanID])
            #expect(anonymous.isProblem(422) && anonymous.text.contains("startFrom"), "\(anonymous)")
        }
    }

    @Test("every change is in the history table with its author; the report can include it", arguments: Backend.all)
    func historyKeepsEveryChangeWithItsAuthor(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna de Vries")
            try await server.coach("bert@example.nl", name: "Bert Jansen")
            let anna = try await server.login("anna@example.nl")
            let bert = try await server.login("bert@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String)
            _ = try await anna.post("/api/v1/organisations/\(organisationID)/coaches", ["email": "bert@example.nl"])
            let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            let id = try sessionID(of: started.json)
            let question = try #require((started.json["nextQuestion"] as? [String: Any])?["id"] as? String)
            let options = ((started.json["nextQuestion"] as? [String: Any])?["options"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(options.count >= 2)
            _ = try await anna.put("/api/v1/sessions/\(id)/answers/\(question)", ["value": options[0], "note": "Van Anna"])
            let changed = try await bert.put("/api/v1/sessions/\(id)/answers/\(question)", ["value": options[1]])
            #expect(changed.status == 200, "\(changed)")
            #expect(Self.answers(changed.json)[question]?["noteBy"] as? String == "Anna de Vries", "the note keeps its author")
            _ = try await bert.delete("/api/v1/sessions/\(id)/answers/\(question)")

            let history = try await anna.get("/api/v1/sessions/\(id)/history")
            #expect(history.status == 200, "\(history)")
            let entries = history.json["entries"] as? [[String: Any]] ?? []
            let summary = entries.map { "\($0["kind"] ?? "") \($0["by"] ?? "") \($0["old"] ?? "-") → \($0["new"] ?? "-")" }
            #expect(entries.map { $0["kind"] as? String } == ["answer", "note", "answer", "answer", "note"], "\(summary)")
            #expect(entries.map { $0["by"] as? String } == ["Anna de Vries", "Anna de Vries", "Bert Jansen", "Bert Jansen", "Bert Jansen"])
            #expect(entries.map { $0["position"] as? Int } == [1, 2, 3, 4, 5])
            #expect(entries[2]["old"] != nil && entries[2]["new"] != nil && entries[3]["new"] == nil)
            #expect(Set(entries.compactMap { $0["accountId"] as? String }).count == 2)

            let plain = try await anna.get("/api/v1/sessions/\(id)/report?format=markdown")
            let withHistory = try await anna.get("/api/v1/sessions/\(id)/report?format=markdown&history=1")
            #expect(!plain.text.contains("Bijlage: geschiedenis van de wijzigingen"))
            #expect(withHistory.text.contains("Bijlage: geschiedenis van de wijzigingen"), "\(withHistory.text.suffix(1500))")
            #expect(withHistory.text.contains("Bert Jansen"))

            // The page: every change with its author.
            let page = try await PageUser.logIn(server, "anna@example.nl").get("/sessions/\(id)/history")
            #expect(page.status == 200)
            #expect(page.text.components(separatedBy: "<tr id=\"change-").count - 1 == 5, "\(page.text)")
            #expect(page.text.contains("Bert Jansen") && page.text.contains("Anna de Vries"))

            // Another organisation's coach, and a stranger, see nothing.
            try await server.coach("carla@example.nl", name: "Carla")
            let carla = try await server.login("carla@example.nl")
            #expect(try await carla.get("/api/v1/sessions/\(id)/history").isProblem(404))
            #expect(try await server.client.get("/api/v1/sessions/\(id)/history").isProblem(401))
        }
    }

    @Test("after the last question the review lists every answer by group, then the result")
    func reviewBeforeTheVerdict() async throws {
        try await InProcessServer.run(.sqlite) { server in
            try await server.coach("anna@example.nl", name: "Anna de Vries")
            let anna = try await server.login("anna@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String)
            let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            let id = try sessionID(of: started.json)
            let coach = try await PageUser.logIn(server, "anna@example.nl")

            let open = try await coach.get("/sessions/\(id)/review")
            #expect(open.status == 200)
            #expect(open.text.contains("id=\"continue\"") && !open.text.contains("id=\"to-result\""), "an open session goes on with the questions")

            var driver = InterviewDriver(client: anna, sessionID: id)
            _ = try await driver.run()
            let next = try await coach.get("/sessions/\(id)")
            #expect(next.status == 303 && next.header("Location") == "/sessions/\(id)/review", "\(next)")
            let review = try await coach.get("/sessions/\(id)/review")
            #expect(review.status == 200)
            let state = try await anna.get("/api/v1/sessions/\(id)")
            let answers = Self.answers(state.json)
            for (questionID, answer) in answers where answer["ignored"] as? Bool != true {
                #expect(review.text.contains("id=\"review-\(questionID)\""), "\(questionID) is not on the review")
                #expect(review.text.contains("href=\"/sessions/\(id)/questions/\(questionID)\""))
            }
            let groups = review.text.components(separatedBy: "class=\"review-group\"").count - 1
            #expect(groups >= 2, "the answers are grouped as in the pack")
            let dontKnow = answers.filter { $0.value["state"] as? String == "dontKnow" }.keys
            for questionID in dontKnow {
                #expect(review.text.contains("state-dontKnow\" id=\"review-\(questionID)\""), "\(questionID) is shown as weet niet")
            }
            #expect(review.text.contains("href=\"/sessions/\(id)/result\" id=\"to-result\""))
            // The result page reopens the session through the review.
            let result = try await coach.get("/sessions/\(id)/result")
            #expect(result.text.contains("href=\"/sessions/\(id)/review\""), "the finished session can be reopened")
        }
    }

    @Test("a second coach verifies or disputes every score; the last editor of a score cannot", arguments: Backend.all)
    func verificationByASecondCoach(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna de Vries")
            try await server.coach("bert@example.nl", name: "Bert Jansen")
            let anna = try await server.login("anna@example.nl")
            let bert = try await server.login("bert@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String)
            _ = try await anna.post("/api/v1/organisations/\(organisationID)/coaches", ["email": "bert@example.nl"])
            let started = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            let id = try sessionID(of: started.json)
            var driver = InterviewDriver(client: anna, sessionID: id)
            _ = try await driver.run()
            let result = try await anna.get("/api/v1/sessions/\(id)/result")
            let scores = (result.json["scores"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(scores.count >= 2, "\(result.text.prefix(500))")
            let computed = try #require(scores.first)
            let overridden = try #require(scores.last)
            let verification = "/api/v1/sessions/\(id)/scores/\(computed)/verification"

            // Anna answered everything: she cannot verify a computed score, nor Bert's override.
            let own = try await anna.post(verification, ["status": "verified"])
            #expect(own.isProblem(409), "\(own)")
            let maximum = try #require((result.json["scores"] as? [[String: Any]])?.last?["maximum"] as? String)
            let override = try await bert.put(
                "/api/v1/sessions/\(id)/overrides/\(overridden)", ["value": maximum, "justification": "Zie verslag"]
            )
            #expect(override.status == 200, "\(override)")
            let ownOverride = try await bert.post("/api/v1/sessions/\(id)/scores/\(overridden)/verification", ["status": "verified"])
            #expect(ownOverride.isProblem(409), "the coach who set the override cannot verify it: \(ownOverride)")
            let noReason = try await anna.post("/api/v1/sessions/\(id)/scores/\(overridden)/verification", ["status": "disputed"])
            #expect(noReason.isProblem(422) && noReason.text.contains("reason"), "\(noReason)")
            let disputed = try await anna.post(
                "/api/v1/sessions/\(id)/scores/\(overridden)/verification", ["status": "disputed", "reason": "Verslag ontbreekt"]
            )
            #expect(disputed.status == 200, "\(disputed)")

            // Bert verifies the computed score; the state, the history and every report show it.
            let verified = try await bert.post(verification, ["status": "verified"])
            #expect(verified.status == 200, "\(verified)")
            let checks = verified.json["verifications"] as? [[String: Any]] ?? []
            #expect(Set(checks.compactMap { $0["scoreId"] as? String }) == [computed, overridden])
            let check = try #require(checks.first { $0["scoreId"] as? String == computed })
            #expect(check["status"] as? String == "verified" && check["by"] as? String == "Bert Jansen" && check["current"] as? Bool == true)
            let dispute = try #require(checks.first { $0["scoreId"] as? String == overridden })
            #expect(dispute["status"] as? String == "disputed" && dispute["reason"] as? String == "Verslag ontbreekt")
            #expect(dispute["override"] as? String == maximum)

            let history = try await anna.get("/api/v1/sessions/\(id)/history")
            let kinds = (history.json["entries"] as? [[String: Any]] ?? []).suffix(2).map { "\($0["kind"] ?? "") \($0["by"] ?? "")" }
            #expect(kinds == ["score_disputed Anna de Vries", "score_verified Bert Jansen"])

            // The result page: the check per score, and a button and dispute form per score.
            let page = try await PageUser.logIn(server, "bert@example.nl").get("/sessions/\(id)/result")
            #expect(page.text.contains("geverifieerd door Bert Jansen"), "\(page.text)")
            #expect(page.text.contains("betwist door Anna de Vries"))
            for score in scores {
                #expect(page.text.contains("id=\"verify-form-\(score)\"") && page.text.contains("id=\"dispute-form-\(score)\""))
            }
            // The form: the same refusal for the last editor, on the page.
            let annaPage = try await PageUser.logIn(server, "anna@example.nl")
            let refused = try await annaPage.post("/sessions/\(id)/scores/\(computed)/verification", "status=verified")
            #expect(refused.status == 422 && refused.text.contains("een andere coach moet de score verifiëren"), "\(refused.status)")
        }
    }
}
