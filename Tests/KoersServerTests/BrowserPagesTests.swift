import Foundation
import KoersTestSupport
import Testing

/// The HTML pages in a real browser against the real `koers serve`: headless Chromium driven
/// over the DevTools pipe, with real form submissions (no page script involved), so the
/// no-JavaScript path is what is tested.
@Suite(.serialized) struct BrowserPagesTests {
    /// A coach's whole intake: login, an organisation, all three scored packs through the
    /// question pages (a missing answer shows its message and loses nothing; back and change
    /// work), a score override, a baseline and follow-up comparison, a share link that shows the
    /// report to a browser without a login until it is revoked, and a second coach who cannot
    /// see any of it.
    @Test func coachIntakeOverrideShareAndIsolation() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerProcess(dataDirectory: folder.appendingPathComponent("data"))
        try await server.start()
        defer { server.stop() }
        try server.addCoach(email: "anna@example.nl", name: "Anna Coach", password: "wachtwoord-anna")
        try server.addCoach(email: "bert@example.nl", name: "Bert Coach", password: "wachtwoord-bert")
        let browser = try HeadlessBrowser(directory: folder)
        defer { browser.close() }

        let coach = try browser.newPage()
        try logIn(coach, server: server, email: "anna@example.nl", password: "wachtwoord-anna")

        // An organisation; an empty name is refused next to the field (by the server: the
        // browser's own check of the required field is switched off first).
        try coach.evaluate("document.querySelector('#new-organisation').noValidate = true")
        try coach.submit("#new-organisation")
        #expect(try coach.status() == 422)
        #expect(try coach.text("#new-organisation .error-message") == "Vul een naam in.")
        try coach.fill("#name", "Thuiszorg De Linde <&> \"test\"")
        try coach.submit("#new-organisation")
        let organisationURL = try coach.url()
        #expect(organisationURL.contains("/organisations/"))
        #expect(try coach.text("h1") == "Thuiszorg De Linde <&> \"test\"", "the name is shown escaped, as typed")

        // Every scored pack, answered through the question pages.
        var sessionURLs: [String: String] = [:]
        for (index, pack) in ["maturity-scan", "stappenplan", "insurer-readiness"].enumerated() {
            try coach.navigate(to: organisationURL)
            try coach.fill("#session-pack", pack)
            try coach.fill("#session-label", "0-meting")
            try coach.submit("#new-session")
            let sessionURL = try coach.url()
            #expect(sessionURL.contains("/sessions/"), "creating a \(pack) session opened \(sessionURL)")
            sessionURLs[pack] = sessionURL
            let asked = try answerEverything(
                coach, pattern: index, checks: index == 0, screenshot: folder.appendingPathComponent("question.png")
            )
            #expect(asked > 10, "\(pack): only \(asked) questions were asked")
            #expect(try coach.url().hasSuffix("/result"))
            #expect(try coach.exists("#scores"), "\(pack): the result has no scores")
            #expect(try coach.exists("#override-form"))
        }

        // A score override with its justification, on the maturity scan's result page.
        let maturity = try #require(sessionURLs["maturity-scan"])
        try coach.navigate(to: maturity + "/result")
        try coach.fill("#override-value", "")
        try coach.submit("#override-form")
        #expect(try coach.status() == 422)
        #expect(try coach.texts(".field-error .error-message").count == 2, "value and justification are both required")
        let scoreID = try #require(try coach.evaluate("document.querySelector('#override-score option').value") as? String)
        try coach.fill("#override-score", scoreID)
        try coach.fill("#override-value", "4")
        try coach.fill("#override-justification", "DPIA ligt ter beoordeling bij de FG")
        try coach.submit("#override-form")
        #expect(try coach.status() == 200)
        let scoreRow = try #require(try coach.text("#score-\(scoreID)"))
        #expect(scoreRow.contains("DPIA ligt ter beoordeling bij de FG"), "override not shown: \(scoreRow)")
        #expect(scoreRow.contains("Anna Coach"))
        try coach.screenshot(to: folder.appendingPathComponent("result.png"))
        try keepScreenshots(folder)

        // The session's report, and a follow-up compared with the baseline.
        try coach.navigate(to: maturity + "/report")
        #expect(try coach.text("h1")?.contains("Thuiszorg De Linde") == true)
        try coach.navigate(to: organisationURL)
        try coach.fill("#session-pack", "maturity-scan")
        try coach.fill("#session-label", "vervolgmeting")
        try coach.submit("#new-session")
        _ = try answerEverything(coach, pattern: 3, checks: false, screenshot: nil)
        try coach.navigate(to: organisationURL)
        let followUpID = try #require(
            try coach.evaluate("[...document.querySelectorAll('#compare-followup option')].pop().value") as? String
        )
        let baselineID = try #require(maturity.split(separator: "/").last.map(String.init))
        try coach.fill("#compare-baseline", baselineID)
        try coach.fill("#compare-followup", followUpID)
        try coach.submit("#compare")
        let comparison = try coach.text() ?? ""
        #expect(comparison.contains("Vergelijking"), "no comparison in the report")
        #expect(comparison.contains("vervolgmeting"))

        // A form without the login's CSRF token is refused.
        try coach.navigate(to: organisationURL)
        try coach.evaluate("document.querySelector('#new-session input[name=csrf]').value = 'forged'")
        try coach.submit("#new-session")
        #expect(try coach.status() == 403)

        // A share link of the baseline: a browser without a login sees the report, nothing else.
        try coach.navigate(to: organisationURL)
        try coach.check("#new-share-link input[value='\(baselineID)']")
        try coach.fill("#share-expires", "2099-12-31")
        try coach.submit("#new-share-link")
        let shareURL = try #require(try coach.attribute("href", of: "#share-url"))
        #expect(shareURL.contains("/s/"))
        let insurer = try browser.newPage()
        try insurer.navigate(to: shareURL)
        #expect(try insurer.status() == 200)
        let shared = try insurer.text() ?? ""
        #expect(shared.contains("Rapportage: Thuiszorg De Linde"))
        #expect(shared.contains("DPIA ligt ter beoordeling bij de FG"), "the override is in the shared report")
        let siteLinks = try insurer.evaluate("document.querySelectorAll('a[href^=\"/\"], form, nav a[href^=\"http\"]').length")
        #expect((siteLinks as? NSNumber)?.intValue == 0, "the shared report links to the rest of the site")

        // Revoked: the same link shows only "link not valid", with 404.
        try coach.navigate(to: organisationURL)
        try coach.submit("table.share-links form")
        #expect(try coach.text("table.share-links")?.contains("Ingetrokken") == true)
        try insurer.navigate(to: shareURL)
        #expect(try insurer.status() == 404)
        #expect(try insurer.text("h1") == "Link niet geldig")
        #expect(try insurer.text()?.contains("Rapportage") == false)
        #expect(try insurer.exists("nav") == false)
        try insurer.navigate(to: url(server, "/s/not-a-token"))
        #expect(try insurer.status() == 404)

        // Another coach sees none of it.
        let other = try browser.newPage()
        try logIn(other, server: server, email: "bert@example.nl", password: "wachtwoord-bert")
        #expect(try other.text("main")?.contains("De Linde") == false)
        for url in [organisationURL, maturity, maturity + "/result", maturity + "/report"] {
            try other.navigate(to: url)
            #expect(try other.status() == 404, "\(url) is visible to another coach")
            #expect(try other.text()?.contains("De Linde") == false)
        }

        // Logging out ends the login.
        try coach.submit("header form")
        try coach.navigate(to: organisationURL)
        #expect(try coach.url().hasSuffix("/login"))
    }

    /// A care provider's anonymous SET check: the resume link, a typed answer refused next to
    /// the field with the typed text kept, and the link opened in a fresh browser continues.
    @Test func anonymousEligibilityCheckResumesInAnotherBrowser() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ServerProcess(dataDirectory: folder.appendingPathComponent("data"))
        try await server.start()
        defer { server.stop() }
        let browser = try HeadlessBrowser(directory: folder)
        defer { browser.close() }

        let provider = try browser.newPage()
        try provider.navigate(to: url(server, "/"))
        #expect(try provider.exists("#pack-set-eligibility"))
        try provider.fill("#date-set-eligibility", "2021-10-01")
        try provider.submit("#pack-set-eligibility form")
        let resumeURL = try #require(try provider.attribute("href", of: "#resume-link"))
        #expect(resumeURL.contains("/r/"))
        #expect(try provider.url() == resumeURL)

        var typedRefusal = false
        for _ in 0..<6 {
            guard try provider.exists("#question-form") else { break }
            if !typedRefusal, try provider.exists("input#answer-input") {
                try provider.fill("#answer-input", "heel veel")
                try provider.submit("#question-form")
                #expect(try provider.status() == 422)
                #expect(try provider.text("#answer-field .error-message")?.isEmpty == false)
                #expect(try provider.evaluate("document.querySelector('#answer-input').value") as? String == "heel veel")
                typedRefusal = true
            }
            try provider.answerCurrentQuestion(pattern: 0)
        }
        let answeredHere = try provider.texts("details.answered li").count
        #expect(answeredHere >= 5)

        // A fresh browser context (no cookies): the link alone brings back every answer.
        let elsewhere = try browser.newPage()
        try elsewhere.navigate(to: resumeURL)
        #expect(try elsewhere.status() == 200)
        #expect(try elsewhere.texts("details.answered li").count == answeredHere)
        let before = try elsewhere.attribute("value", of: "input[name=question]")
        try elsewhere.answerCurrentQuestion(pattern: 0)
        #expect(try elsewhere.attribute("value", of: "input[name=question]") != before, "the answer moved the interview on")
        try elsewhere.navigate(to: resumeURL + "/result")
        #expect(try elsewhere.status() == 200)
        #expect(try elsewhere.exists(".outcome"))
        #expect(try elsewhere.text()?.contains("SET") == true)
        try elsewhere.navigate(to: resumeURL + "?lang=en")
        #expect(try elsewhere.text("header")?.contains("Nederlands") == true, "English pages offer Dutch")
        try elsewhere.navigate(to: url(server, "/r/not-a-token"))
        #expect(try elsewhere.status() == 404)
    }

    // MARK: Steps

    /// An address on the server.
    private func url(_ server: ServerProcess, _ path: String) -> String {
        var base = server.baseURL?.absoluteString ?? "http://127.0.0.1:1/"
        if base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    private func logIn(_ page: BrowserPage, server: ServerProcess, email: String, password: String) throws {
        try page.navigate(to: url(server, "/login"))
        try page.fill("#email", email)
        try page.fill("#password", "wrong password")
        try page.submit("#login")
        #expect(try page.status() == 401)
        #expect(try page.attribute("value", of: "#email") == email, "the address is kept")
        try page.fill("#password", password)
        try page.submit("#login")
        let shown = try page.text() ?? ""
        #expect(try page.url().hasSuffix("/organisations"), "login failed: \(shown)")
    }

    /// Answers questions until the result page; returns how many were asked.
    ///
    /// With `checks`, also: a question sent without a choice is refused next to the field
    /// without losing earlier answers; going back shows the earlier answer to change; a note
    /// is kept with an answer; and a screenshot of a question page is saved.
    private func answerEverything(_ page: BrowserPage, pattern: Int, checks: Bool, screenshot: URL?) throws -> Int {
        var asked = 0
        var noteQuestion: String?
        while try page.exists("#question-form") {
            asked += 1
            #expect(asked < 150, "the interview does not end")
            if asked >= 150 { break }
            if checks, asked == 3 {
                let answered = try page.texts("details.answered li").count
                try page.submit("#question-form")
                #expect(try page.status() == 422)
                #expect(try page.text("#answer-field .error-message") == "Kies een van de antwoorden.")
                #expect(try page.texts("details.answered li").count == answered, "earlier answers were lost")
                #expect(try page.attribute("aria-describedby", of: "#question-form fieldset")?.contains("answer-error") == true)
                if let screenshot { try page.screenshot(to: screenshot) }
            }
            if checks, asked == 4 {
                let current = try page.attribute("value", of: "input[name=question]")
                try page.click("#back")
                let previous = try page.attribute("value", of: "input[name=question]")
                #expect(previous != current, "back did not go to the previous question")
                #expect(try page.exists("input[name=value]:checked"), "the earlier answer is not shown")
                try page.fill("#note", "Navragen bij de zorgmanager")
                noteQuestion = previous
            }
            try page.answerCurrentQuestion(pattern: pattern + asked)
        }
        // After the last question: the review of every answer, then on to the result.
        if try page.exists("#to-result") { try page.click("#to-result") }
        if checks, let noteQuestion {
            // The note is kept with its answer and shown again when the question is opened.
            let base = try #require(try page.evaluate("location.href.replace(/\\/result$/, '')") as? String)
            try page.navigate(to: "\(base)/questions/\(noteQuestion)")
            #expect(try page.evaluate("document.querySelector('#note').value") as? String == "Navragen bij de zorgmanager")
            try page.navigate(to: "\(base)/result")
        }
        return asked
    }

    /// Copies the screenshots next to the package's build folder, for a person to look at.
    private func keepScreenshots(_ folder: URL) throws {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("koers-browser-screenshots")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in ["question.png", "result.png"] {
            let source = folder.appendingPathComponent(name)
            let data = try #require(FileManager.default.contents(atPath: source.path), "\(name) was not saved")
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            try data.write(to: target.appendingPathComponent(name))
        }
    }
}
