import Foundation
import KoersTestSupport
import Testing

/// Someone logged in through the login page: the cookie and the form token.
struct PageUser {
    let client: InProcessClient
    let cookie: String
    let csrf: String

    /// Logs in through the login page and reads the form token from a page; `language` is the
    /// `koers_lang` cookie every later request brings.
    static func logIn(
        _ server: InProcessServer, _ email: String, password: String = InProcessServer.password, language: String = "nl"
    ) async throws -> PageUser {
        let fields = "email=\(email.replacingOccurrences(of: "@", with: "%40"))&password=\(password.replacingOccurrences(of: " ", with: "+"))"
        let right = try await server.client.submitLoginPage(fields)
        let login = try #require(InProcessClient.match(#"(koers_login=[A-Za-z0-9_-]+)"#, in: right.header("Set-Cookie") ?? ""), "\(right)")
        let cookie = "\(login); koers_lang=\(language)"
        let page = try await server.client.send("GET", "/organisations", headers: ["Cookie": cookie])
        let csrf = try #require(InProcessClient.match(#"name="csrf" value="([A-Za-z0-9_-]+)""#, in: page.text), "\(page)")
        return PageUser(client: server.client, cookie: cookie, csrf: csrf)
    }

    /// Submits a form with the form token.
    func post(_ path: String, _ fields: String) async throws -> APIResponse {
        try await client.send(
            "POST", path, body: Data("csrf=\(csrf)&\(fields)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie]
        )
    }

    /// Opens a page.
    func get(_ path: String) async throws -> APIResponse {
        try await client.send("GET", path, headers: ["Cookie": cookie])
    }
}
