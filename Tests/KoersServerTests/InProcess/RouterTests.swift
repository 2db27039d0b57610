import Foundation
import KoersTestSupport
import Testing

/// The router in process: the packs API, the routes of the OpenAPI document, and the HTML pages
/// an anonymous visitor and a coach's login see (as a browser without JavaScript sends them).
@Suite("Router in process")
struct RouterTests {
    @Test("the packs: the list, one pack, and a problem with a suggestion for an unknown id")
    func packs() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let list = try await server.client.get("/api/v1/packs?lang=en")
            #expect(list.status == 200 && list.header("Content-Type")?.hasPrefix("application/json") == true, "\(list)")
            let ids = (list.json["packs"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == ids.sorted() && Set(["set-eligibility", "maturity-scan", "stappenplan", "insurer-readiness"]).isSubset(of: ids))
            let pack = try await server.client.get("/api/v1/packs/set-eligibility")
            let questions = pack.json["questions"] as? [[String: Any]] ?? []
            #expect(pack.status == 200 && !questions.isEmpty && questions.allSatisfy { $0["id"] is String && $0["type"] is String })
            let unknown = try await server.client.get("/api/v1/packs/set-eligibilty")
            #expect(unknown.isProblem(404), "\(unknown)")
            #expect((unknown.json["detail"] as? String)?.contains("did you mean 'set-eligibility'") == true, "\(unknown)")
        }
    }

    @Test("every operation of the OpenAPI document reaches a handler of the router")
    func everyDocumentedOperationIsRouted() async throws {
        let operations = try OpenAPITests.operations()
        #expect(operations.count > 20)
        try await InProcessServer.run(.sqlite) { server in
            let noRoute = try await server.client.get("/api/v1/no-such-route")
            #expect(noRoute.isProblem(404))
            let noRouteDetail = try #require(noRoute.json["detail"] as? String)
            #expect(noRouteDetail.hasPrefix("there is no GET /api/v1/no-such-route"))
            for operation in operations.sorted() {
                let parts = operation.split(separator: " ", maxSplits: 1).map(String.init)
                // Every path parameter gets a value no record has: the handler answers 401 or 404 of its own.
                let path = parts[1].replacingOccurrences(of: #"\{[^}]+\}"#, with: "unknown", options: .regularExpression)
                let json: Any? = ["PUT", "POST"].contains(parts[0]) ? [String: String]() : nil
                let response = try await server.client.send(parts[0], path, json: json, body: nil, headers: [:])
                let detail = response.json["detail"] as? String ?? ""
                #expect(response.status != 405 && !detail.hasPrefix("there is no \(parts[0]) /"), "\(operation) has no route: \(response)")
                if path == "/health" {
                    // /health reports 503 by design when the database does not answer within its
                    // timeout, which a heavily loaded test machine can cause: either is documented.
                    #expect([200, 503].contains(response.status) && response.json["database"] is String, "\(operation): \(response)")
                } else {
                    #expect(response.status < 500, "\(operation): \(response)")
                }
                if path.hasPrefix("/api/"), response.status >= 400 {
                    #expect(response.isProblem(response.status), "\(operation) answers a problem: \(response)")
                }
            }
        }
    }

    @Test("a request body over the limit is a 413 problem, also below the default limit")
    func bodyLimit() async throws {
        try await InProcessServer.run(.sqlite, bodyLimit: 1024) { server in
            let small = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility"])
            #expect(small.status == 201, "\(small)")
            let large = try await server.client.post("/api/v1/sessions", ["pack": "set-eligibility", "label": String(repeating: "x", count: 2000)])
            #expect(large.isProblem(413), "\(large)")
        }
    }

    @Test("the home page and the login page, in Dutch and in English")
    func homeAndLoginPages() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let home = try await server.client.get("/")
            #expect(home.status == 200 && home.header("Content-Type")?.hasPrefix("text/html") == true, "\(home)")
            #expect(home.text.hasPrefix("<!DOCTYPE html>") && home.text.contains("<html lang=\"nl\""))
            for pack in ["set-eligibility", "maturity-scan"] {
                #expect(home.text.contains("id=\"pack-\(pack)\""), "the home page offers \(pack)")
            }
            #expect(home.header("Set-Cookie") == nil, "no cookie without a choice")
            let english = try await server.client.get("/?lang=en")
            #expect(english.text.contains("<html lang=\"en\""))
            #expect(english.header("Set-Cookie")?.contains("koers_lang=en") == true, "\(english.headers)")
            let remembered = try await server.client.send("GET", "/", headers: ["Cookie": "koers_lang=en"])
            #expect(remembered.text.contains("<html lang=\"en\""))

            let login = try await server.client.get("/login")
            #expect(login.status == 200 && login.text.contains("id=\"login\""), "\(login)")
            try await server.coach("anna@example.nl", name: "Anna")
            let wrong = try await server.client.submitLoginPage("email=anna%40example.nl&password=wrong")
            #expect(wrong.status == 401 && wrong.text.contains("value=\"anna@example.nl\""), "the address is kept: \(wrong)")
            let right = try await server.client.submitLoginPage("email=anna%40example.nl&password=correct+horse+battery")
            #expect(right.status == 303 && right.header("Location") == "/organisations", "\(right)")
            let cookie = try #require(right.header("Set-Cookie"), "\(right.headers)")
            #expect(cookie.contains("koers_login=") && cookie.contains("HttpOnly"))
            let token = try #require(cookie.split(separator: ";").first.map(String.init))
            let organisations = try await server.client.send("GET", "/organisations", headers: ["Cookie": token])
            #expect(organisations.status == 200 && organisations.text.contains("Anna"), "\(organisations)")
            let withoutLogin = try await server.client.get("/organisations")
            #expect(withoutLogin.status == 303 && withoutLogin.header("Location") == "/login")
        }
    }

    @Test("the login form is refused without the token of its own cookie, before any password check")
    func loginFormNeedsItsCSRFToken() async throws {
        try await InProcessServer.run(.sqlite) { server in
            try await server.coach("anna@example.nl", name: "Anna")
            let form = ["Content-Type": "application/x-www-form-urlencoded"]
            let fields = "email=anna%40example.nl&password=correct+horse+battery"
            // As another site would send it: no token, no cookie.
            let forged = try await server.client.send("POST", "/login", body: Data(fields.utf8), headers: form)
            #expect(forged.status == 403 && forged.text.contains("Formulier verlopen"), "\(forged)")
            #expect(forged.header("Set-Cookie")?.contains("koers_login=") != true)
            // A token in the form that is not the cookie's.
            let page = try await server.client.get("/login")
            let token = try #require(InProcessClient.match(#"name="csrf" value="([A-Za-z0-9_-]+)""#, in: page.text), "\(page)")
            #expect(page.header("Set-Cookie")?.contains("koers_login_form=\(token)") == true, "\(page.headers)")
            let other = try await server.client.send(
                "POST", "/login", body: Data("csrf=\(token)&\(fields)".utf8),
                headers: form.merging(["Cookie": "koers_login_form=" + String(repeating: "A", count: 43)]) { $1 }
            )
            #expect(other.status == 403, "\(other)")
            let english = try await server.client.send(
                "POST", "/login?lang=en", body: Data("csrf=\(token)&\(fields)".utf8), headers: form
            )
            #expect(english.status == 403 && english.text.contains("Form expired"), "\(english)")
            // With both, as the page sends it.
            let right = try await server.client.send(
                "POST", "/login", body: Data("csrf=\(token)&\(fields)".utf8),
                headers: form.merging(["Cookie": "koers_login_form=\(token)"]) { $1 }
            )
            #expect(right.status == 303 && right.header("Location") == "/organisations", "\(right)")
        }
    }

    @Test("an anonymous interview through its pages: started, refused without an answer, answered, resumed")
    func anonymousInterviewPages() async throws {
        try await InProcessServer.run(.sqlite) { server in
            let form = ["Content-Type": "application/x-www-form-urlencoded"]
            let started = try await server.client.send(
                "POST", "/start", body: Data("pack=set-eligibility&date=2021-10-01".utf8), headers: form
            )
            #expect(started.status == 303, "\(started)")
            let base = try #require(started.header("Location"))
            #expect(base.hasPrefix("/r/") && base.count > 40)

            let page = try await server.client.get(base)
            #expect(page.status == 200 && page.text.contains("id=\"question-form\""), "\(page)")
            #expect(page.text.contains("id=\"resume-link\"") && page.text.contains(base))
            let questionID = try #require(Self.first(#"name="question" value="([^"]+)""#, in: page.text))

            // Sent without an answer: the same question again, with the message next to the field.
            let empty = try await server.client.send("POST", base + "/answer", body: Data("question=\(questionID)".utf8), headers: form)
            #expect(empty.status == 422 && empty.text.contains("id=\"answer-error\""), "\(empty)")
            #expect(Self.first(#"name="question" value="([^"]+)""#, in: empty.text) == questionID)

            let value = Self.first(#"name="value" value="([^"]+)""#, in: page.text)
                ?? (page.text.contains("type=\"date\"") ? "2021-11-01" : "24")
            let answered = try await server.client.send(
                "POST", base + "/answer", body: Data("question=\(questionID)&value=\(value)".utf8), headers: form
            )
            #expect(answered.status == 303 && answered.header("Location") == base, "\(answered)")
            let next = try await server.client.get(base)
            #expect(next.status == 200 && next.text.contains("details"), "\(next)")
            #expect(Self.first(#"name="question" value="([^"]+)""#, in: next.text) != questionID, "the answer moved the interview on")
            let again = try await server.client.get("\(base)/questions/\(questionID)")
            #expect(again.status == 200 && again.text.contains("value=\"\(value)\""), "the answer is shown to change: \(again)")

            let result = try await server.client.get(base + "/result")
            #expect(result.status == 200 && result.text.contains("SET"), "\(result)")
            let unknown = try await server.client.get("/r/not-a-token")
            #expect(unknown.status == 404 && unknown.header("Content-Type")?.hasPrefix("text/html") == true)
            let noPage = try await server.client.get("/no-such-page")
            #expect(noPage.status == 404 && noPage.text.hasPrefix("<!DOCTYPE html>"))
        }
    }

    /// The first capture of a pattern in a text.
    static func first(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
