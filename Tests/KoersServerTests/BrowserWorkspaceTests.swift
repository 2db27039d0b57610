import Foundation
import KoersTestSupport
import Testing

/// The coach's workspace of issue 13 in a real browser against the real `koers serve`:
/// headless Chromium over the DevTools pipe, every step a real form submission (no page script
/// involved). A maturity scan 0-meting, then a stappenplan for the same organisation that starts
/// with the business case already filled in, then a vervolgmeting prefilled from the 0-meting,
/// the review before the verdict, a second coach who verifies the scores, and the history with
/// every change and its author.
@Suite(.serialized) struct BrowserWorkspaceTests {
    @Test func coachWorkspaceWalkThrough() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerProcess(dataDirectory: folder.appendingPathComponent("data"))
        try await server.start()
        defer { server.stop() }
        try server.addCoach(email: "anna@example.nl", name: "Anna Coach", password: "wachtwoord-anna")
        try server.addCoach(email: "bert@example.nl", name: "Bert Coach", password: "wachtwoord-bert")
        let baseURL = try #require(server.baseURL)
        let browser = try HeadlessBrowser(directory: folder)
        defer { browser.close() }

        let anna = try browser.newPage()
        try logIn(anna, baseURL: baseURL, email: "anna@example.nl", password: "wachtwoord-anna")
        try anna.fill("#name", "Thuiszorg De Linde")
        try anna.submit("#new-organisation")
        let organisationURL = try anna.url()
        let organisationID = try #require(organisationURL.split(separator: "/").last.map(String.init))
        // Bert becomes a coach of the organisation too (through the API; the pages have no form for it).
        let api = try await apiLogin(baseURL, "anna@example.nl", "wachtwoord-anna")
        let added = try await api.post("/api/v1/organisations/\(organisationID)/coaches", ["email": "bert@example.nl"])
        #expect(added.status == 200 || added.status == 201 || added.status == 204, "\(added)")

        // 1. The maturity scan 0-meting, answered through the question pages, ends on the review.
        let scanURL = try startSession(anna, organisationURL, pack: "maturity-scan", label: "0-meting")
        let scanID = try #require(scanURL.split(separator: "/").last.map(String.init))
        let asked = try answerEverything(anna)
        #expect(asked > 10)
        let ended = try anna.url()
        #expect(ended.hasSuffix("/review"), "the interview ends on the review: \(ended)")
        #expect(try anna.texts(".review-group h2").count >= 2, "the review is grouped as in the pack")
        let scanState = try await api.get("/api/v1/sessions/\(scanID)")
        let scanAnswers = answers(scanState.json)
        let businessCase = scanAnswers.keys.filter { $0.hasPrefix("bc_") }.sorted()
        #expect(!businessCase.isEmpty, "the maturity scan asked the business case")
        for id in scanAnswers.keys where scanAnswers[id]?["ignored"] as? Bool != true {
            #expect(try anna.exists("#review-\(id) a.change-link"), "\(id) has no change link on the review")
        }
        try anna.click("#to-result")
        #expect(try anna.url().hasSuffix("/result"))
        #expect(try anna.exists("#scores"))

        // 2. The stappenplan for the same organisation starts with the business case filled in.
        let planURL = try startSession(anna, organisationURL, pack: "stappenplan", label: "0-meting")
        let planID = try #require(planURL.split(separator: "/").last.map(String.init))
        let planState = try await api.get("/api/v1/sessions/\(planID)")
        let planAnswers = answers(planState.json)
        let takenOver = businessCase.filter { planAnswers[$0] != nil }
        #expect(!takenOver.isEmpty, "no business-case answer was taken over: \(planAnswers.keys.sorted())")
        let asking = try anna.attribute("value", of: "input[name=question]")
        let askingID = asking ?? ""
        #expect(!takenOver.contains(askingID), "a business-case question taken over is asked again: \(askingID)")
        let first = try #require(takenOver.first)
        try anna.navigate(to: "\(planURL)/questions/\(first)")
        let origin = try anna.text("#taken-over") ?? ""
        #expect(origin.contains("overgenomen uit") && origin.contains("0-meting"), "\(origin)")
        try anna.submit("#question-form")  // the same answer again: confirmed
        _ = try answerEverything(anna)
        #expect(try anna.url().hasSuffix("/review"))
        #expect(try anna.exists("#review-\(first)") && !(try anna.exists("#review-\(first).awaiting")), "the confirmed answer lost its mark")
        if takenOver.count > 1 {
            #expect(try anna.exists("#review-\(takenOver[1]).awaiting"), "an answer not yet confirmed keeps its mark")
            #expect(try anna.text("#review-\(takenOver[1]) .origin")?.contains("overgenomen uit") == true)
        }

        // 3. The vervolgmeting starts from the 0-meting: every answer filled in, to be confirmed.
        try anna.navigate(to: organisationURL)
        try anna.fill("#session-pack", "maturity-scan")
        try anna.fill("#session-label", "vervolgmeting")
        try anna.fill("#session-start", scanID)
        try anna.submit("#new-session")
        let opened = try anna.url()
        #expect(opened.hasSuffix("/review"), "a follow-up with every answer taken over goes to the review: \(opened)")
        let followUpURL = opened.replacingOccurrences(of: "/review", with: "")
        let followUpID = try #require(followUpURL.split(separator: "/").last.map(String.init))
        let followUp = answers(try await api.get("/api/v1/sessions/\(followUpID)").json)
        #expect(Set(followUp.keys) == Set(scanAnswers.keys))
        #expect(try anna.exists("#review-awaiting"))
        #expect(try anna.texts(".review-item.awaiting").count == scanAnswers.count)
        try anna.click("#to-result")
        #expect(try anna.url().hasSuffix("/result"))

        // 4. A second coach verifies every score of the 0-meting; Anna, who answered, cannot.
        try anna.navigate(to: "\(scanURL)/result")
        let scoreIDs = try anna.texts("section.verify").isEmpty
            ? [] : (try anna.evaluate("[...document.querySelectorAll('section.verify')].map(s => s.id.slice(7)).join(' ')") as? String ?? "")
                .split(separator: " ").map(String.init)
        #expect(scoreIDs.count >= 2, "every score has a verify form")
        let firstScore = try #require(scoreIDs.first)
        try anna.submit("#verify-form-\(firstScore)")
        #expect(try anna.status() == 422)
        #expect(try anna.text("#verify-error")?.contains("een andere coach") == true)

        let bert = try browser.newPage()
        try logIn(bert, baseURL: baseURL, email: "bert@example.nl", password: "wachtwoord-bert")
        for (index, score) in scoreIDs.enumerated() {
            try bert.navigate(to: "\(scanURL)/result")
            if index == scoreIDs.count - 1 {
                try bert.fill("#dispute-reason-\(score)", "Geen verslag van het gesprek")
                try bert.submit("#dispute-form-\(score)")
            } else {
                try bert.submit("#verify-form-\(score)")
            }
            #expect(try bert.status() == 200)
        }
        let verificationCells = try bert.texts("#scores td.verification")
        #expect(verificationCells.count == scoreIDs.count)
        #expect(verificationCells.dropLast().allSatisfy { $0.hasPrefix("geverifieerd door Bert Coach") }, "\(verificationCells)")
        #expect(verificationCells.last?.contains("betwist door Bert Coach") == true)
        #expect(verificationCells.last?.contains("Geen verslag van het gesprek") == true)
        try bert.navigate(to: "\(scanURL)/report")
        #expect(try bert.text()?.contains("geverifieerd door Bert Coach") == true, "the report shows who verified")

        // 5. The history: every change with its author.
        try anna.navigate(to: "\(scanURL)/history")
        let rows = try anna.texts("#history tbody tr")
        let history = try await api.get("/api/v1/sessions/\(scanID)/history")
        let entries = history.json["entries"] as? [[String: Any]] ?? []
        #expect(rows.count == entries.count && rows.count >= scanAnswers.count + scoreIDs.count)
        let authors = try anna.texts("#history td.by")
        #expect(Set(authors) == ["Anna Coach", "Bert Coach"], "\(Set(authors))")
        #expect(authors.filter { $0 == "Bert Coach" }.count == scoreIDs.count)
        #expect(try anna.texts("#history tr.change-score_verified").count == scoreIDs.count - 1)
        #expect(try anna.texts("#history tr.change-score_disputed").count == 1)
        try anna.navigate(to: "\(planURL)/history")
        #expect(try anna.texts("#history tr.change-taken_over").count == takenOver.count)
        #expect(try anna.texts("#history tr.change-taken_over_confirmed").count == 1)
        try anna.navigate(to: "\(scanURL)/report?history=1")
        #expect(try anna.text()?.contains("Bijlage: geschiedenis van de wijzigingen") == true)
    }

    // MARK: Steps

    private func logIn(_ page: BrowserPage, baseURL: URL, email: String, password: String) throws {
        try page.navigate(to: baseURL.appendingPathComponent("login").absoluteString)
        try page.fill("#email", email)
        try page.fill("#password", password)
        try page.submit("#login")
        let shown = try page.text() ?? ""
        #expect(try page.url().hasSuffix("/organisations"), "login failed: \(shown)")
    }

    private func apiLogin(_ baseURL: URL, _ email: String, _ password: String) async throws -> APIClient {
        let response = try await APIClient(baseURL: baseURL).post("/api/v1/login", ["email": email, "password": password])
        let token = try #require(response.json["token"] as? String, "\(response)")
        return APIClient(baseURL: baseURL, bearerToken: token)
    }

    private func startSession(_ page: BrowserPage, _ organisationURL: String, pack: String, label: String) throws -> String {
        try page.navigate(to: organisationURL)
        try page.fill("#session-pack", pack)
        try page.fill("#session-label", label)
        try page.submit("#new-session")
        let url = try page.url()
        #expect(url.contains("/sessions/"), "creating a \(pack) session opened \(url)")
        return url.replacingOccurrences(of: "/review", with: "")
    }

    private func answers(_ state: [String: Any]) -> [String: [String: Any]] {
        Dictionary(
            (state["answers"] as? [[String: Any]] ?? []).compactMap { answer in
                (answer["questionId"] as? String).map { ($0, answer) }
            },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// Answers the questions on the pages until there are none; returns how many were asked.
    private func answerEverything(_ page: BrowserPage) throws -> Int {
        var asked = 0
        while try page.exists("#question-form"), asked < 150 {
            asked += 1
            try page.answerCurrentQuestion(pattern: asked)
        }
        return asked
    }
}
