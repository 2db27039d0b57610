import Foundation
import KoersTestSupport
import Testing

/// Anonymous sessions resumed with their token, and share links: made, opened without a login,
/// revoked and expired.
@Suite("API: anonymous sessions and share links", .serialized)
struct AnonymousAndShareTests {
    @Test("an anonymous SET eligibility check, resumed with its token", arguments: Backend.all)
    func anonymousSetEligibility(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let client = server.client
            let created = try await client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01", "language": "en"])
            #expect(created.status == 201, "\(created)")
            let token = try #require(created.json["resumeToken"] as? String)
            #expect(token.count >= 43)
            let state = try #require(created.json["state"] as? [String: Any])
            let id = try sessionID(of: state)
            #expect((state["session"] as? [String: Any])?["organisationId"] == nil || (state["session"] as? [String: Any])?["organisationId"] is NSNull)

            let withoutToken = try await client.get("/api/v1/sessions/\(id)")
            #expect(withoutToken.isProblem(401), "\(withoutToken)")
            let wrongToken = try await client.resuming(with: "not-the-token").get("/api/v1/sessions/\(id)")
            #expect(wrongToken.isProblem(404), "\(wrongToken)")

            let resumed = client.resuming(with: token)
            var driver = InterviewDriver(client: resumed, sessionID: id)
            let final = try await driver.run()
            #expect(["eligible", "ineligible", "undetermined"].contains(final["overallVerdict"] as? String ?? ""))
            let result = try await resumed.get("/api/v1/sessions/\(id)/result")
            #expect(result.json["date"] as? String == "2021-10-01")
            #expect(result.json["language"] as? String == "en")
            let report = try await resumed.get("/api/v1/sessions/\(id)/report?format=markdown&lang=en")
            #expect(report.status == 200 && report.text.contains("#"))
            // The CSV report format comes from the plugin registry, through the API and the pages.
            let csv = try await resumed.get("/api/v1/sessions/\(id)/report?format=csv&lang=en")
            #expect(csv.status == 200, "\(csv)")
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            let table = try PythonCSV.read(csv.text)
            #expect(table.header == [
                "session", "role", "source", "pack", "pack_version", "date", "kind", "id", "title", "verdict", "value",
                "computed", "level",
            ])
            let outcomes = table.rows.filter { $0["kind"] == "outcome" }
            // One row per requested outcome (not-requested schemes are left out of reports).
            let requested = (result.json["outcomes"] as? [[String: Any]] ?? []).filter {
                ($0["verdict"] as? String) != "not_requested"
            }
            #expect(Set(outcomes.map { $0["id"] ?? "" }) == Set(requested.compactMap { $0["id"] as? String }))
            #expect(!outcomes.isEmpty)
            #expect(outcomes.allSatisfy {
                ["eligible", "ineligible", "undetermined", "closed", "not_requested"].contains($0["verdict"] ?? "")
            })
            #expect(table.rows.allSatisfy { $0["pack"] == "set-eligibility" && $0["date"] == "2021-10-01" })
            let page = try await client.get("/r/\(token)/report?format=csv")
            #expect(page.status == 200 && page.header("Content-Type")?.hasPrefix("text/csv") == true, "\(page)")
            #expect(page.header("Content-Disposition")?.contains("koers-report.csv") == true)
            #expect(try PythonCSV.read(page.text).rows.count == table.rows.count)
            let resultPage = try await client.get("/r/\(token)/result")
            #expect(resultPage.text.contains("/r/\(token)/report?format=csv"))

            // Another anonymous session's token cannot read or answer this one.
            let other = try await client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            let otherToken = try #require(other.json["resumeToken"] as? String)
            let intruder = client.resuming(with: otherToken)
            let read = try await intruder.get("/api/v1/sessions/\(id)")
            #expect(read.isProblem(404))
            let firstQuestion = try #require(driver.accepted.keys.sorted().first)
            let write = try await intruder.put("/api/v1/sessions/\(id)/answers/\(firstQuestion)", ["skip": true])
            #expect(write.isProblem(404))
            let remove = try await intruder.delete("/api/v1/sessions/\(id)/answers/\(firstQuestion)")
            #expect(remove.isProblem(404))
            // Anonymous sessions cannot override scores.
            let override = try await resumed.put("/api/v1/sessions/\(id)/overrides/x", ["value": 1, "justification": "x"])
            #expect(override.isProblem(401))

            let after = try await resumed.get("/api/v1/sessions/\(id)")
            expectAnswersKept(driver.accepted, in: after.json)
        }
    }

    @Test("share links: made, opened without login, revoked and expired", arguments: Backend.all)
    func shareLinks(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            try await server.coach("anna@example.nl", name: "Anna")
            let anna = try await server.login("anna@example.nl")
            let organisation = try await anna.post("/api/v1/organisations", ["name": "Zorggroep Oost"])
            let organisationID = try #require(organisation.json["id"] as? String)
            var ids: [String] = []
            for (index, label) in ["0-meting", "1-meting"].enumerated() {
                let created = try await anna.post(
                    "/api/v1/organisations/\(organisationID)/sessions",
                    ["pack": "maturity-scan", "label": label]
                )
                let id = try sessionID(of: created.json)
                ids.append(id)
                var driver = InterviewDriver(client: anna, sessionID: id, variant: index)
                _ = try await driver.run()
            }

            let made = try await anna.post("/api/v1/share-links", ["sessionIds": [ids[0]]])
            #expect(made.status == 201, "\(made)")
            let token = try #require(made.json["token"] as? String)
            let linkID = try #require((made.json["link"] as? [String: Any])?["id"] as? String)
            #expect(made.json["apiPath"] as? String == "/api/v1/shared/\(token)")
            let public_ = server.client
            let shared = try await public_.get("/api/v1/shared/\(token)")
            #expect(shared.status == 200 && shared.text.contains("Zorggroep Oost"), "\(shared)")
            let sharedJSON = try await public_.get("/api/v1/shared/\(token)?format=json&lang=en")
            #expect(sharedJSON.json["format"] as? String == "koers-report/1")
            // The token opens the report only, not the session.
            let session = try await public_.resuming(with: token).get("/api/v1/sessions/\(ids[0])")
            #expect(session.isProblem(404))

            let compared = try await anna.post("/api/v1/share-links", ["sessionIds": ids])
            let comparedToken = try #require(compared.json["token"] as? String)
            let comparison = try await public_.get("/api/v1/shared/\(comparedToken)?format=json")
            #expect((comparison.json["comparisons"] as? [Any])?.count == 1, "\(comparison)")

            let list = try await anna.get("/api/v1/organisations/\(organisationID)/share-links")
            let links = list.json["shareLinks"] as? [[String: Any]] ?? []
            #expect(links.count == 2 && links.allSatisfy { $0["active"] as? Bool == true } && !list.text.contains(token))

            let revoked = try await anna.delete("/api/v1/share-links/\(linkID)")
            #expect(revoked.status == 200 && revoked.json["active"] as? Bool == false, "\(revoked)")
            let afterRevoke = try await public_.get("/api/v1/shared/\(token)")
            #expect(afterRevoke.isProblem(404))
            let unknown = try await public_.get("/api/v1/shared/\(String(repeating: "A", count: 43))")
            #expect(unknown.isProblem(404))
            #expect(afterRevoke.json["detail"] as? String == unknown.json["detail"] as? String)

            let past = try await anna.post("/api/v1/share-links", ["sessionIds": [ids[0]], "expiresAt": "2020-01-01T00:00:00Z"])
            #expect(past.isProblem(422) && past.problemFields == ["expiresAt"], "\(past)")
            let soon = ISO8601DateFormatter().string(from: Date().addingTimeInterval(3))
            let expiring = try await anna.post("/api/v1/share-links", ["sessionIds": [ids[0]], "expiresAt": soon])
            let expiringToken = try #require(expiring.json["token"] as? String, "\(expiring)")
            let beforeExpiry = try await public_.get("/api/v1/shared/\(expiringToken)")
            #expect(beforeExpiry.status == 200)
            try await Task.sleep(for: .seconds(4))
            let afterExpiry = try await public_.get("/api/v1/shared/\(expiringToken)")
            #expect(afterExpiry.isProblem(404))
            #expect(afterExpiry.json["detail"] as? String == unknown.json["detail"] as? String)

            let badDate = try await anna.post("/api/v1/share-links", ["sessionIds": [ids[0]], "expiresAt": "tomorrow"])
            #expect(badDate.isProblem(400) && badDate.problemFields == ["expiresAt"], "\(badDate)")
            let three = try await anna.post("/api/v1/share-links", ["sessionIds": ids + [ids[0]]])
            #expect(three.isProblem(422), "\(three)")
        }
    }
}
