import Foundation
import KoersTestSupport
import Testing

/// A coach's work through the JSON API (the router in process): login, an organisation,
/// sessions of three packs to a result and report, overrides, a comparison, and another coach
/// who sees nothing of it.
@Suite("API: coaches, organisations and sessions", .serialized)
struct CoachAPITests {
    @Test("a coach runs maturity-scan, stappenplan and insurer-readiness to a result and report", arguments: Backend.all)
    func coachRunsThreePacks(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna de Vries")
            let wrong = try await server.client.post("/api/v1/login", ["email": "anna@example.nl", "password": "wrong password"])
            #expect(wrong.isProblem(401), "\(wrong)")
            let anna = try await server.login("ANNA@example.nl")
            let me = try await anna.get("/api/v1/me")
            #expect(me.json["name"] as? String == "Anna de Vries")
            #expect(me.json["passwordHash"] == nil && !me.text.contains("$2"))

            let packs = try await anna.get("/api/v1/packs?lang=en")
            let packIDs = (packs.json["packs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            for id in ["set-eligibility", "stappenplan", "maturity-scan", "insurer-readiness"] {
                #expect(packIDs.contains(id), "pack \(id) is offered: \(packIDs)")
            }
            let pack = try await anna.get("/api/v1/packs/maturity-scan")
            #expect(pack.status == 200 && (pack.json["questions"] as? [Any])?.isEmpty == false)

            let created = try await anna.post("/api/v1/organisations", ["name": "Thuiszorg De Linde"])
            #expect(created.status == 201, "\(created)")
            let organisationID = try #require(created.json["id"] as? String)
            let list = try await anna.get("/api/v1/organisations")
            #expect((list.json["organisations"] as? [[String: Any]])?.map { $0["id"] as? String } == [organisationID])

            var sessionIDs: [String: String] = [:]
            for (index, packID) in ["maturity-scan", "stappenplan", "insurer-readiness"].enumerated() {
                let started = try await anna.post(
                    "/api/v1/organisations/\(organisationID)/sessions",
                    ["pack": packID, "label": "0-meting", "language": "nl"]
                )
                #expect(started.status == 201, "\(started)")
                let id = try sessionID(of: started.json)
                sessionIDs[packID] = id
                var driver = InterviewDriver(client: anna, sessionID: id, variant: index)
                let final = try await driver.run()
                #expect(!driver.accepted.isEmpty)
                let reread = try await anna.get("/api/v1/sessions/\(id)")
                expectAnswersKept(driver.accepted, in: reread.json)
                #expect((reread.json["progress"] as? [String: Any])?["stillNeeded"] as? Int == 0)
                #expect(final["complete"] as? Bool == true)

                let result = try await anna.get("/api/v1/sessions/\(id)/result?lang=en")
                #expect(result.status == 200)
                #expect(result.json["format"] as? String == "koers-check/1")
                #expect((result.json["pack"] as? [String: Any])?["id"] as? String == packID)
                #expect((result.json["open_questions"] as? [Any])?.isEmpty == true)

                let html = try await anna.get("/api/v1/sessions/\(id)/report")
                #expect(html.status == 200 && html.header("Content-Type")?.hasPrefix("text/html") == true)
                #expect(html.text.contains("<html") && html.text.contains("Thuiszorg De Linde"))
                let json = try await anna.get("/api/v1/sessions/\(id)/report?format=json&lang=en")
                #expect(json.json["format"] as? String == "koers-report/1")
                let markdown = try await anna.get("/api/v1/sessions/\(id)/report?format=markdown")
                #expect(markdown.header("Content-Type")?.hasPrefix("text/markdown") == true && markdown.text.hasPrefix("# "))
            }
            let sessions = try await anna.get("/api/v1/organisations/\(organisationID)/sessions")
            #expect((sessions.json["sessions"] as? [Any])?.count == 3)

            // An override with a justification, kept beside the computed value.
            let scanID = try #require(sessionIDs["maturity-scan"])
            let scan = try await anna.get("/api/v1/packs/maturity-scan")
            let scoreID = try #require((scan.json["scores"] as? [[String: Any]])?.first?["id"] as? String)
            let overridden = try await anna.put(
                "/api/v1/sessions/\(scanID)/overrides/\(scoreID)",
                ["value": 4, "justification": "DPIA in review"]
            )
            #expect(overridden.status == 200, "\(overridden)")
            let overrides = overridden.json["overrides"] as? [[String: Any]] ?? []
            #expect(overrides.first?["scoreId"] as? String == scoreID && overrides.first?["by"] as? String == "Anna de Vries")
            let noReason = try await anna.put("/api/v1/sessions/\(scanID)/overrides/\(scoreID)", ["value": 4, "justification": " "])
            #expect(noReason.isProblem(422) && noReason.problemFields == ["justification"], "\(noReason)")
            let outOfRange = try await anna.put("/api/v1/sessions/\(scanID)/overrides/\(scoreID)", ["value": 99, "justification": "x"])
            #expect(outOfRange.isProblem(422) && outOfRange.problemFields == ["value"], "\(outOfRange)")
            let result = try await anna.get("/api/v1/sessions/\(scanID)/result")
            let score = (result.json["scores"] as? [[String: Any]] ?? []).first { $0["id"] as? String == scoreID }
            #expect((score?["override"] as? [String: Any])?["justification"] as? String == "DPIA in review")

            // A follow-up session of the same pack, compared with the baseline.
            let followUp = try await anna.post(
                "/api/v1/organisations/\(organisationID)/sessions",
                ["pack": "maturity-scan", "label": "1-meting"]
            )
            let followUpID = try sessionID(of: followUp.json)
            var driver = InterviewDriver(client: anna, sessionID: followUpID, variant: 2)
            _ = try await driver.run()
            let comparison = try await anna.get(
                "/api/v1/reports/comparison?baseline=\(scanID)&followUp=\(followUpID)&format=json"
            )
            #expect(comparison.status == 200, "\(comparison)")
            #expect((comparison.json["comparisons"] as? [Any])?.count == 1)
            let stappenplanID = try #require(sessionIDs["stappenplan"])
            let mixed = try await anna.get("/api/v1/reports/comparison?baseline=\(scanID)&followUp=\(stappenplanID)")
            #expect(mixed.isProblem(422), "\(mixed)")

            // Another coach sees nothing of it.
            try await server.coach("bert@example.nl", name: "Bert Jansen")
            let bert = try await server.login("bert@example.nl")
            let bertsList = try await bert.get("/api/v1/organisations")
            #expect((bertsList.json["organisations"] as? [Any])?.isEmpty == true)
            for path in [
                "/api/v1/organisations/\(organisationID)", "/api/v1/organisations/\(organisationID)/sessions",
                "/api/v1/organisations/\(organisationID)/share-links", "/api/v1/sessions/\(scanID)",
                "/api/v1/sessions/\(scanID)/result", "/api/v1/sessions/\(scanID)/report",
                "/api/v1/reports/comparison?baseline=\(scanID)&followUp=\(followUpID)",
            ] {
                let response = try await bert.get(path)
                #expect(response.isProblem(404), "\(path): \(response)")
            }
            let bertAnswers = try await bert.put("/api/v1/sessions/\(scanID)/answers/\(scoreID)", ["value": "ja"])
            #expect(bertAnswers.isProblem(404))
            let bertOverrides = try await bert.put("/api/v1/sessions/\(scanID)/overrides/\(scoreID)", ["value": 1, "justification": "x"])
            #expect(bertOverrides.isProblem(404))
            let bertShares = try await bert.post("/api/v1/share-links", ["sessionIds": [scanID]])
            #expect(bertShares.isProblem(404))
            let bertStarts = try await bert.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            #expect(bertStarts.isProblem(404))
            let unchanged = try await anna.get("/api/v1/sessions/\(scanID)")
            #expect((unchanged.json["overrides"] as? [[String: Any]])?.first?["value"] as? String == "4")

            // Once Anna adds Bert, he sees the organisation.
            let added = try await anna.post("/api/v1/organisations/\(organisationID)/coaches", ["email": "bert@example.nl"])
            #expect(added.status == 204, "\(added)")
            let nowVisible = try await bert.get("/api/v1/sessions/\(scanID)")
            #expect(nowVisible.status == 200)
            let confirmed = try await bert.post("/api/v1/sessions/\(scanID)/overrides/\(scoreID)/confirmation", [:] as [String: String])
            #expect(confirmed.status == 200, "\(confirmed)")
            #expect((confirmed.json["overrides"] as? [[String: Any]])?.first?["confirmedBy"] as? String == "Bert Jansen")
            let selfConfirm = try await anna.post("/api/v1/sessions/\(scanID)/overrides/\(scoreID)/confirmation", [:] as [String: String])
            #expect(selfConfirm.isProblem(409), "\(selfConfirm)")
            let unknownCoach = try await anna.post("/api/v1/organisations/\(organisationID)/coaches", ["email": "nobody@example.nl"])
            #expect(unknownCoach.isProblem(422) && unknownCoach.problemFields == ["email"])

            // Logging out ends the token.
            let logout = try await anna.send("POST", "/api/v1/logout")
            #expect(logout.status == 204)
            let afterLogout = try await anna.get("/api/v1/organisations")
            #expect(afterLogout.isProblem(401))
        }
    }
}
