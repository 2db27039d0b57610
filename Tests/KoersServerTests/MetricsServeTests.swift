import Foundation
import KoersTestSupport
import Testing

/// `/metrics` of the real `koers serve` over loopback: off by default, on with
/// `--metrics-token-file`, scraped as Prometheus text after an answer is saved; a token that is
/// too short (from the file or `$KOERS_METRICS_TOKEN`) stops the server with one clear line.
@Suite("koers serve --metrics-token-file")
struct MetricsServeTests {
    @Test("a real server is scraped over loopback: 404 by default, 401 without the token, counters after an answer")
    func scrapeTheRealServer() async throws {
        let plain = try await TestServer(.sqlite)
        let off = try await plain.client.send("GET", "/metrics", headers: ["Authorization": "Bearer \(MetricsTests.token)"])
        #expect(off.status == 404, "\(off)")

        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokenFile = folder.appendingPathComponent("metrics-token")
        try Data((MetricsTests.token + "\n").utf8).write(to: tokenFile)
        let server = try await TestServer(.sqlite, extraArguments: ["--metrics-token-file", tokenFile.path])
        let client = try server.client

        let anonymous = try await client.get("/metrics")
        #expect(anonymous.status == 401 && anonymous.header("WWW-Authenticate")?.hasPrefix("Bearer") == true, "\(anonymous)")

        let created = try await client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01"])
        let id = try sessionID(of: try #require(created.json["state"] as? [String: Any], "\(created)"))
        let token = try #require(created.json["resumeToken"] as? String, "\(created)")
        let owner = client.resuming(with: token)
        let state = try await owner.get("/api/v1/sessions/\(id)").json
        let question = try #require(state["nextQuestion"] as? [String: Any], "\(state)")
        let questionID = try #require(question["id"] as? String)
        var saved = false
        for body in InterviewDriver(client: owner, sessionID: id).candidates(for: question, step: 1) where !saved {
            saved = try await owner.put("/api/v1/sessions/\(id)/answers/\(questionID)", body).status == 200
        }
        try #require(saved)

        let scrape = try await client.send("GET", "/metrics", headers: ["Authorization": "Bearer \(MetricsTests.token)"])
        try #require(scrape.status == 200, "\(scrape)")
        #expect(scrape.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let metrics = try PrometheusText(parsing: scrape.text)
        #expect(metrics.types == [
            "koers_http_requests_total": "counter", "koers_http_request_duration_seconds": "histogram",
            "koers_answers_saved_total": "counter", "koers_store_errors_total": "counter",
        ])
        #expect(metrics.value("koers_answers_saved_total", ["via": "api"]) == 1)
        #expect(metrics.value("koers_store_errors_total") == 0)
        let answerRoute = "/api/v1/sessions/{sessionId}/answers/{questionId}"
        #expect(metrics.value("koers_http_requests_total", ["route": answerRoute, "method": "PUT", "status": "200"]) == 1)
        #expect(metrics.value("koers_http_requests_total", ["route": "/metrics", "method": "GET", "status": "401"]) == 1)
        #expect(!scrape.text.contains(id) && !scrape.text.contains(token))
    }

    @Test("a metrics token that is too short or cannot be read is one clear error line, exit 1")
    func badTokens() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let short = folder.appendingPathComponent("short")
        try Data("secret\n".utf8).write(to: short)
        let arguments = ["serve", "--port", "0", "--data", folder.appendingPathComponent("data").path]

        let fromFile = try CommandRunner.koers(arguments + ["--metrics-token-file", short.path])
        #expect(fromFile.status == 1)
        #expect(fromFile.standardError.contains("error: the token in \(short.path) must be at least 16 characters"), "\(fromFile.standardError)")

        let missing = try CommandRunner.koers(arguments + ["--metrics-token-file", folder.appendingPathComponent("nope").path])
        #expect(missing.status == 1 && missing.standardError.contains("error: --metrics-token-file: cannot read"), "\(missing.standardError)")

        let fromEnvironment = try CommandRunner.koers(arguments, environment: ["KOERS_METRICS_TOKEN": "has spaces in it, too many"])
        #expect(fromEnvironment.status == 1)
        #expect(fromEnvironment.standardError.contains("error: $KOERS_METRICS_TOKEN must be"), "\(fromEnvironment.standardError)")

        let help = try CommandRunner.koers(["serve", "--help"])
        #expect(help.standardOutput.contains("--metrics-token-file") && help.standardOutput.contains("KOERS_METRICS_TOKEN"))
    }
}
