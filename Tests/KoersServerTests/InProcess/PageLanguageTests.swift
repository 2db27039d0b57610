import Foundation
import KoersTestSupport
import Testing

/// The service checks behind the coach's forms (and the start form) speak the page's language:
/// a Dutch page shows Dutch messages, an English page English ones, the API stays English.
@Suite("Page messages in the page's language")
struct PageLanguageTests {
    private func logIn(_ server: InProcessServer, language: String) async throws -> PageUser {
        try await server.coach("anna@example.nl", name: "Anna")
        return try await PageUser.logIn(server, "anna@example.nl", language: language)
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test("name and label too long, expiry in the past, override out of range, note too long, bad date on start", arguments: ["nl", "en"])
    func coachFormMessagesFollowThePageLanguage(language: String) async throws {
        let dutch = language == "nl"
        try await InProcessServer.run(.sqlite) { server in
            let coach = try await logIn(server, language: language)

            let longName = try await coach.post("/organisations", "name=" + String(repeating: "x", count: 201))
            #expect(longName.text.contains(dutch ? "Geef een naam van 1 tot 200 tekens." : "give a name of 1 to 200 characters"), "\(longName)")

            let api = try await server.login("anna@example.nl")
            let organisation = try await api.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String, "\(organisation)")
            let longLabel = try await coach.post(
                "/organisations/\(organisationID)/sessions", "pack=maturity-scan&label=" + String(repeating: "y", count: 101)
            )
            #expect(
                longLabel.text.contains(dutch ? "Een naam voor de sessie heeft hoogstens 100 tekens." : "a label has at most 100 characters"),
                "\(longLabel)"
            )
            let badDate = try await coach.post("/organisations/\(organisationID)/sessions", "pack=maturity-scan&date=2021-13-45")
            #expect(badDate.text.contains(dutch ? "Schrijf de datum als JJJJ-MM-DD" : "write the date as YYYY-MM-DD"), "\(badDate)")

            let started = try await api.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            let sessionID = try sessionID(of: started.json)
            let past = try await coach.post("/organisations/\(organisationID)/share-links", "session=\(sessionID)&expires=2000-01-01")
            #expect(
                past.text.contains(dutch ? "Kies een datum in de toekomst" : "give a time in the future"), "\(past)"
            )

            let question = try await coach.get("/sessions/\(sessionID)")
            let questionID = try #require(InProcessClient.match(#"name="question" value="([^"]+)""#, in: question.text), "\(question)")
            let option = try #require(InProcessClient.match(#"name="value" value="([^"]+)""#, in: question.text), "\(question)")
            let longNote = try await coach.post(
                "/sessions/\(sessionID)/answer",
                "question=\(Self.encoded(questionID))&value=\(Self.encoded(option))&note=" + String(repeating: "n", count: 4001)
            )
            #expect(longNote.text.contains(dutch ? "Een notitie heeft hoogstens 4000 tekens." : "a note may have at most 4000 characters"), "\(longNote.text.prefix(3000))")

            let result = try await coach.get("/sessions/\(sessionID)/result")
            let score = try #require(
                InProcessClient.match(#"id="override-score" name="score">\s*<option value="([^"]+)""#, in: result.text), "\(result)"
            )
            let outOfRange = try await coach.post(
                "/sessions/\(sessionID)/overrides", "score=\(Self.encoded(score))&value=999&justification=te+hoog"
            )
            #expect(outOfRange.text.contains(dutch ? "Geef een getal van" : "give a number from"), "\(outOfRange)")

            // An anonymous start with a date that is not one.
            let start = try await server.client.send(
                "POST", "/start", body: Data("pack=set-eligibility&date=31-12-2021".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "koers_lang=\(language)"]
            )
            #expect(start.text.contains(dutch ? "Schrijf de datum als JJJJ-MM-DD" : "write the date as YYYY-MM-DD"), "\(start)")

            // The API's problems stay English, and carry no Dutch field.
            let apiProblem = try await api.post("/api/v1/organisations", ["name": String(repeating: "x", count: 201)])
            #expect(apiProblem.text.contains("give a name of 1 to 200 characters") && !apiProblem.text.contains("dutch"), "\(apiProblem)")
        }
    }

    @Test("a form over the body limit gets a 413 page in the page's language that gives back what was typed", arguments: ["nl", "en"])
    func formOverTheLimitIsA413PageThatKeepsTheText(language: String) async throws {
        try await InProcessServer.run(.sqlite) { server in
            let coach = try await logIn(server, language: language)
            let api = try await server.login("anna@example.nl")
            let organisation = try await api.post("/api/v1/organisations", ["name": "De Linde"])
            let organisationID = try #require(organisation.json["id"] as? String, "\(organisation)")
            let started = try await api.post("/api/v1/organisations/\(organisationID)/sessions", ["pack": "maturity-scan"])
            let sessionID = try sessionID(of: started.json)
            let question = try await coach.get("/sessions/\(sessionID)")
            let questionID = try #require(InProcessClient.match(#"name="question" value="([^"]+)""#, in: question.text))
            let option = try #require(InProcessClient.match(#"name="value" value="([^"]+)""#, in: question.text))
            let note = "Overleg met de wijkverpleging " + String(repeating: "lang ", count: 14_000)
            let sent = try await coach.post(
                "/sessions/\(sessionID)/answer",
                "question=\(Self.encoded(questionID))&value=\(Self.encoded(option))&note=\(Self.encoded(note))"
            )
            #expect(sent.status == 413, "\(sent.text.prefix(600))")
            #expect(sent.text.contains(language == "nl" ? "Tekst te lang" : "Text too long"))
            #expect(!sent.text.contains("Formulier verlopen") && !sent.text.contains("Form expired"))
            #expect(sent.text.contains("Overleg met de wijkverpleging lang lang"), "what was typed is given back")
            #expect(sent.text.contains("readonly"))
            #expect(sent.header("Content-Security-Policy") != nil)
            // Nothing was saved.
            let state = try await api.get("/api/v1/sessions/\(sessionID)")
            #expect((state.json["answers"] as? [Any])?.isEmpty ?? true, "\(state)")
        }
    }

    @Test("an HTML report under /api/v1 sends the pages' security headers")
    func apiHTMLReportHasTheSecurityHeaders() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let created = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01"])
            let token = try #require(created.json["resumeToken"] as? String, "\(created)")
            let id = try sessionID(of: try #require(created.json["state"] as? [String: Any]))
            let report = try await server.client.resuming(with: token).get("/api/v1/sessions/\(id)/report?format=html")
            #expect(report.status == 200 && report.header("Content-Type")?.hasPrefix("text/html") == true, "\(report)")
            #expect(report.header("Content-Security-Policy")?.contains("frame-ancestors 'none'") == true, "\(report.headers)")
            #expect(report.header("X-Content-Type-Options") == "nosniff")
            #expect(report.header("Referrer-Policy") == "no-referrer")
            #expect(report.header("Cache-Control") == "no-store")
        }
    }

    @Test("the real server answers a page form over the limit with the 413 page, not 'form expired'")
    func realServerAnswersLargeFormsWith413Page() async throws {
        let server = try await TestServer(.sqlite)
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let started = try await server.client.send("POST", "/start", body: Data("pack=maturity-scan".utf8), headers: form)
        // URLSession follows the redirect: the resume link is on the page it lands on.
        let token = try #require(InProcessClient.match(#"/r/([A-Za-z0-9_-]{40,})"#, in: started.text), "\(started)")
        let base = "/r/\(token)"
        let body = "question=q&value=x&note=" + String(repeating: "abcdefgh", count: 10_000)
        let sent = try await server.client.send(
            "POST", base + "/answer", body: Data(body.utf8), headers: form.merging(["Cookie": "koers_lang=nl"]) { $1 }
        )
        #expect(sent.status == 413 && sent.text.contains("Tekst te lang"), "\(sent.status) \(sent.text.prefix(300))")
        #expect(sent.text.contains("abcdefghabcdefgh"))
    }
}
