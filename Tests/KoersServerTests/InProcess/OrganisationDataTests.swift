import Foundation
import KoersServer
import KoersStorage
import KoersTestSupport
import Testing

/// The organisation's data through the API and the pages: export, a session's file that the
/// real `koers` binary reads, import (round trip, and bad files refused with nothing stored),
/// and deletion with what the store holds afterwards.
@Suite("API: the organisation's data", .serialized)
struct OrganisationDataTests {
    /// Anna (administrator), an organisation with a maturity-scan session answered to its end
    /// with a note on the first answer.
    static func answeredSession(_ server: InProcessServer) async throws
        -> (anna: InProcessClient, organisationID: String, sessionID: String, accepted: [String: Any])
    {
        try await server.coach("anna@example.nl", name: "Anna")
        let anna = try await server.login("anna@example.nl")
        let organisation = try await anna.post("/api/v1/organisations", ["name": "Thuiszorg De Linde"])
        let organisationID = try #require(organisation.json["id"] as? String)
        let started = try await anna.post(
            "/api/v1/organisations/\(organisationID)/sessions",
            ["pack": "maturity-scan", "label": "0-meting", "date": "2026-03-02"]
        )
        let sessionID = try sessionID(of: started.json)
        var driver = InterviewDriver(client: anna, sessionID: sessionID, variant: 0)
        _ = try await driver.run()
        // The driver writes a note ("Notitie bij …") with some answers.
        return (anna, organisationID, sessionID, driver.accepted)
    }

    @Test("a web session downloads as koers-session/1 that koers check --answers and koers interview --from read, and imports back the same", arguments: Backend.all)
    func downloadCheckAndImport(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let (anna, organisationID, sessionID, accepted) = try await Self.answeredSession(server)
            let file = try await anna.get("/api/v1/sessions/\(sessionID)/file")
            #expect(file.status == 200 && file.header("Content-Disposition")?.contains("0-meting-maturity-scan.json") == true, "\(file)")
            #expect(file.json["format"] as? String == "koers-session/1")

            // The real binary reads it.
            let folder = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("0-meting.json")
            try file.data.write(to: path)
            let web = try await anna.get("/api/v1/sessions/\(sessionID)/result?lang=nl")
            let checked = try CommandRunner.koers(["check", "--answers", path.path, "--format", "json", "--lang", "nl"])
            #expect(checked.status == 0 || checked.status == 2, "\(checked.standardError)")
            let cli = try #require(try JSONSerialization.jsonObject(with: Data(checked.standardOutput.utf8)) as? [String: Any], "\(checked.standardOutput.prefix(400))")
            #expect((cli["pack"] as? [String: Any])?["id"] as? String == "maturity-scan")
            #expect((cli["open_questions"] as? [Any])?.isEmpty == true, "every answer came along: \(cli["open_questions"] ?? "")")
            #expect(
                try Self.canonical(cli["outcomes"]) == Self.canonical(web.json["outcomes"]),
                "the CLI and the web reach the same outcomes"
            )
            let followUp = folder.appendingPathComponent("1-meting.json")
            let interview = try CommandRunner.koers(
                ["interview", "maturity-scan", "--from", path.path, "--session", followUp.path, "--date", "2027-03-02"],
                in: folder, input: ""
            )
            #expect(!interview.standardError.contains("error:"), "koers interview --from reads the file: \(interview.standardError)")
            // Stopped at the end of input, the follow-up is saved with the answers taken over.
            let saved = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: followUp)) as? [String: Any],
                "\(interview.standardOutput.suffix(400))"
            )
            let takenOver = Set((saved["answers"] as? [String: Any] ?? [:]).keys)
            #expect(!takenOver.isEmpty && takenOver.isSubset(of: Set(accepted.keys)), "\(takenOver.sorted())")

            // Imported into another organisation: a new session with the same answers and note.
            let other = try await anna.post("/api/v1/organisations", ["name": "Zorggroep De Eik"])
            let otherID = try #require(other.json["id"] as? String)
            let imported = try await anna.post(
                "/api/v1/organisations/\(otherID)/imports", ["file": file.text, "fileName": "0-meting.json"]
            )
            #expect(imported.status == 201, "\(imported)")
            let importedID = try #require((imported.json["session"] as? [String: Any])?["id"] as? String)
            #expect(importedID != sessionID)
            let copy = try await anna.get("/api/v1/sessions/\(importedID)")
            expectAnswersKept(accepted, in: copy.json)
            #expect((copy.json["session"] as? [String: Any])?["label"] as? String == "0-meting")
            let again = try await anna.get("/api/v1/sessions/\(importedID)/file")
            let original = try #require(try JSONSerialization.jsonObject(with: file.data) as? [String: Any])
            let roundTrip = try #require(try JSONSerialization.jsonObject(with: again.data) as? [String: Any])
            #expect(try Self.canonical(original["answers"]) == Self.canonical(roundTrip["answers"]), "answers and notes round-trip")
            #expect(String(describing: roundTrip).contains("Notitie bij "))

            // An answers file (YAML) with the pack chosen in the request.
            let question = try #require(accepted.keys.sorted().first)
            let yaml = "answers:\n  \(question): \(accepted[question] as? String ?? "")\n"
            let fromAnswers = try await anna.post(
                "/api/v1/organisations/\(organisationID)/imports", ["file": yaml, "pack": "maturity-scan", "label": "uit bestand"]
            )
            #expect(fromAnswers.status == 201, "\(fromAnswers)")
        }
    }

    /// A JSON value as text with sorted keys, to compare two.
    static func canonical(_ value: Any?) throws -> String {
        guard let value else { return "null" }
        return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    @Test("a bad file is refused with what is wrong and where, and nothing is stored", arguments: Backend.all)
    func badImports(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let (anna, organisationID, _, _) = try await Self.answeredSession(server)
            let cases: [([String: Any], String)] = [
                (["file": "{\"format\": \"koers-session/1\", \"packId\": 12"], "line"),
                (["file": "answers:\n  geen_vraag: ja\n", "pack": "maturity-scan"], "geen_vraag"),
                (["file": "answers:\n  x: 1\n"], "pack"),
                (["file": "pack: bestaat-niet\nanswers: {}\n"], "bestaat-niet"),
                (["file": "   \n"], "empty"),
            ]
            for (body, named) in cases {
                let response = try await anna.post("/api/v1/organisations/\(organisationID)/imports", body)
                #expect(response.isProblem(422), "\(body): \(response)")
                #expect(response.text.contains(named), "\(body) names \(named): \(response)")
            }
            #expect(try await server.services.store.sessions(ofOrganisation: organisationID).count == 1, "nothing stored")
        }
    }

    @Test("the export holds every session document, note, member and share link (no token); a reviewer may export", arguments: Backend.all)
    func export(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let (anna, organisationID, sessionID, _) = try await Self.answeredSession(server)
            let link = try await anna.post("/api/v1/share-links", ["sessionIds": [sessionID]])
            let token = try #require(link.json["token"] as? String)
            _ = try await server.services.accounts.createCoach(
                email: "rik@example.nl", name: "Rik", password: InProcessServer.password, role: .reviewer
            )
            let rikID = try #require(try await server.services.accounts.coach(email: "rik@example.nl")?.id)
            #expect(try await anna.send("PUT", "/api/v1/accounts/\(rikID)/organisations/\(organisationID)").status == 204)
            let rik = try await server.login("rik@example.nl")
            for client in [anna, rik] {
                let export = try await client.get("/api/v1/organisations/\(organisationID)/export")
                #expect(export.status == 200 && export.header("Content-Disposition")?.hasPrefix("attachment") == true, "\(export)")
                #expect(export.json["format"] as? String == "koers-organisation-export/1")
                let sessions = try #require(export.json["sessions"] as? [[String: Any]])
                #expect(sessions.map { $0["id"] as? String } == [sessionID])
                #expect((sessions.first?["document"] as? [String: Any])?["format"] as? String == "koers-session/1")
                #expect(export.text.contains("Notitie bij "))
                #expect((export.json["members"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["anna@example.nl", "rik@example.nl"])
                #expect((export.json["shareLinks"] as? [Any])?.count == 1)
                #expect(!export.text.contains(token), "share-link tokens are never exported")
            }
        }
    }

    @Test("deleting a session and an organisation removes their rows; logins and accounts stay", arguments: Backend.all)
    func deletion(backend: Backend) async throws {
        try await InProcessServer.run(backend) { server in
            let (anna, organisationID, sessionID, _) = try await Self.answeredSession(server)
            let second = try await anna.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "stappenplan"])
            let secondID = try #require((second.json["session"] as? [String: Any])?["id"] as? String)
            let link = try await anna.post("/api/v1/share-links", ["sessionIds": [sessionID]])
            let linkID = try #require((link.json["link"] as? [String: Any])?["id"] as? String)
            let token = try #require(link.json["token"] as? String)

            #expect(try await anna.delete("/api/v1/sessions/\(sessionID)").status == 204)
            #expect(try await anna.get("/api/v1/sessions/\(sessionID)").isProblem(404))
            #expect(try await server.services.store.session(id: sessionID) == nil)
            #expect(try await server.services.store.shareLink(id: linkID) == nil, "its share link went with it")
            #expect(try await server.client.get("/api/v1/shared/\(token)").isProblem(404))
            #expect(try await anna.delete("/api/v1/sessions/\(sessionID)").isProblem(404))

            #expect(try await anna.delete("/api/v1/organisations/\(organisationID)").status == 204)
            #expect(try await anna.get("/api/v1/organisations/\(organisationID)").isProblem(404))
            #expect(try await server.services.store.organisation(id: organisationID) == nil)
            #expect(try await server.services.store.session(id: secondID) == nil)
            #expect(try await server.services.store.sessions(ofOrganisation: organisationID).isEmpty)
            #expect(try await anna.get("/api/v1/me").status == 200, "the login stays")
            #expect(try await server.services.store.coachCount() == 1)
        }
    }

    @Test("the pages: download and export buttons, an upload form, deletion after a confirmation page")
    func pages() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let (anna, organisationID, sessionID, _) = try await Self.answeredSession(server)
            let file = try await anna.get("/api/v1/sessions/\(sessionID)/file")
            let user = try await PageUser.logIn(server, "anna@example.nl")
            let page = try await user.get("/organisations/\(organisationID)")
            #expect(page.text.contains("/sessions/\(sessionID)/file") && page.text.contains("/organisations/\(organisationID)/export"))
            #expect(page.text.contains("enctype=\"multipart/form-data\""))
            let export = try await user.get("/organisations/\(organisationID)/export")
            #expect(export.status == 200 && export.header("Content-Disposition")?.contains("attachment") == true)
            let download = try await user.get("/sessions/\(sessionID)/file")
            #expect(download.status == 200 && download.data == file.data)

            // Upload: a good file becomes a session; a bad one is named on the page, nothing stored.
            func upload(_ text: String, name: String) async throws -> APIResponse {
                let boundary = "koers-test-boundary"
                var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(user.csrf)\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\ngeïmporteerd\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"pack\"\r\n\r\n\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/json\r\n\r\n\(text)\r\n--\(boundary)--\r\n"
                return try await user.client.send(
                    "POST", "/organisations/\(organisationID)/import", body: Data(body.utf8),
                    headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Cookie": user.cookie]
                )
            }
            let good = try await upload(file.text, name: "0-meting.json")
            #expect(good.status == 303, "\(good)")
            let sessions = try await server.services.store.sessions(ofOrganisation: organisationID)
            #expect(sessions.count == 2 && sessions.contains { $0.label == "geïmporteerd" })
            let bad = try await upload("answers:\n  geen_vraag: ja\n", name: "fout.yaml")
            #expect(bad.status == 422 && bad.text.contains("niet geïmporteerd"), "\(bad)")
            #expect(try await server.services.store.sessions(ofOrganisation: organisationID).count == 2)

            // Deleting a session: a confirmation page naming it, then the form.
            let confirm = try await user.get("/sessions/\(sessionID)/delete")
            #expect(confirm.status == 200 && confirm.text.contains("0-meting") && confirm.text.contains("Definitief verwijderen"))
            #expect(try await server.services.store.session(id: sessionID) != nil, "opening the confirmation deletes nothing")
            let deleted = try await user.post("/sessions/\(sessionID)/delete", "")
            #expect(deleted.status == 200 && deleted.text.contains("verwijderd"), "\(deleted)")
            #expect(try await server.services.store.session(id: sessionID) == nil)

            // Deleting the organisation: the name must be typed.
            let confirmOrganisation = try await user.get("/organisations/\(organisationID)/delete")
            #expect(confirmOrganisation.text.contains("Thuiszorg De Linde") && confirmOrganisation.text.contains("1 sessies"))
            let mismatch = try await user.post("/organisations/\(organisationID)/delete", "confirmName=Iets+anders")
            #expect(mismatch.status == 422 && mismatch.text.contains("Er is niets verwijderd"))
            #expect(try await server.services.store.organisation(id: organisationID) != nil)
            let gone = try await user.post("/organisations/\(organisationID)/delete", "confirmName=Thuiszorg+De+Linde")
            #expect(gone.status == 200, "\(gone)")
            #expect(try await server.services.store.organisation(id: organisationID) == nil)
            #expect(try await server.services.store.sessions(ofOrganisation: organisationID).isEmpty)
        }
    }
}
