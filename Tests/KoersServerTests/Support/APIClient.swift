import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One answer of the server, with its body read as JSON where it is JSON.
struct APIResponse: CustomStringConvertible {
    var status: Int
    var headers: [String: String]
    var data: Data

    /// The body as text.
    var text: String { String(decoding: data, as: UTF8.self) }

    /// The body as a JSON object (empty when it is not one).
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:] }

    /// A header, by name in any case.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// Whether the body is an RFC 9457 problem with this status.
    func isProblem(_ status: Int) -> Bool {
        self.status == status && header("Content-Type")?.hasPrefix("application/problem+json") == true
            && json["status"] as? Int == status && json["title"] is String && json["detail"] is String
            && json["type"] is String && json["errors"] is [Any]
    }

    /// The fields the problem names.
    var problemFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    var description: String { "HTTP \(status): \(text.prefix(600))" }
}

/// What the tests send requests through: the real server over loopback (``APIClient``) or the
/// router in this process (``InProcessClient``).
protocol APIRequester: Sendable {
    /// Sends a request; `json` is encoded with JSONSerialization, `body` is sent as is.
    func send(_ method: String, _ path: String, json: Any?, body: Data?, headers: [String: String]) async throws -> APIResponse
    /// This client with a bearer token.
    func loggedIn(as token: String) -> Self
    /// This client with a resume token.
    func resuming(with token: String) -> Self
    /// This client without credentials.
    var anonymous: Self { get }
}

extension APIRequester {
    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> APIResponse {
        try await send(method, path, json: nil, body: body, headers: headers)
    }

    func get(_ path: String) async throws -> APIResponse { try await send("GET", path) }
    func post(_ path: String, _ json: Any) async throws -> APIResponse { try await send("POST", path, json: json, body: nil, headers: [:]) }
    func put(_ path: String, _ json: Any) async throws -> APIResponse { try await send("PUT", path, json: json, body: nil, headers: [:]) }
    func delete(_ path: String) async throws -> APIResponse { try await send("DELETE", path) }

    /// Sends the login page's form as a browser does: opens `GET /login` first for the form's
    /// token (hidden field) and its cookie, then posts `fields` (URL-encoded) with both.
    func submitLoginPage(_ fields: String, cookies: String? = nil) async throws -> APIResponse {
        let page = try await send("GET", "/login", headers: cookies.map { ["Cookie": $0] } ?? [:])
        let token = Self.match(#"name="csrf" value="([A-Za-z0-9_-]+)""#, in: page.text) ?? ""
        let cookie = Self.match(#"koers_login_form=([A-Za-z0-9_-]+)"#, in: page.header("Set-Cookie") ?? "") ?? token
        let sent = ["koers_login_form=\(cookie)", cookies].compactMap { $0 }.joined(separator: "; ")
        return try await send(
            "POST", "/login", body: Data("csrf=\(token)&\(fields)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": sent]
        )
    }

    /// The first group of `pattern` in `text`.
    static func match(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
            let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(found.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

/// A small HTTP client for the API over loopback (URLSession).
struct APIClient: APIRequester {
    let baseURL: URL
    var bearerToken: String?
    var resumeToken: String?

    init(baseURL: URL, bearerToken: String? = nil, resumeToken: String? = nil) {
        self.baseURL = baseURL
        self.bearerToken = bearerToken
        self.resumeToken = resumeToken
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // No cookie jar: cookies ignore ports, so one kept from a test's server would be sent to
        // every other server on 127.0.0.1 and, on Linux, replace the `Cookie` header a test sets.
        // Tests that need a cookie send it themselves.
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration)
    }()

    /// Sends a request; `json` is encoded with JSONSerialization, `body` is sent as is.
    func send(
        _ method: String,
        _ path: String,
        json: Any?,
        body: Data?,
        headers: [String: String]
    ) async throws -> APIResponse {
        guard let url = URL(string: path, relativeTo: baseURL) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let bearerToken { request.setValue("Bearer \(bearerToken)", forHTTPHeaderField: "Authorization") }
        if let resumeToken { request.setValue(resumeToken, forHTTPHeaderField: "X-Resume-Token") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { fields[key] = value }
        }
        return APIResponse(status: http.statusCode, headers: fields, data: data)
    }

    /// This client with a bearer token.
    func loggedIn(as token: String) -> APIClient { APIClient(baseURL: baseURL, bearerToken: token) }
    /// This client with a resume token.
    func resuming(with token: String) -> APIClient { APIClient(baseURL: baseURL, resumeToken: token) }
    /// This client without credentials.
    var anonymous: APIClient { APIClient(baseURL: baseURL) }
}
