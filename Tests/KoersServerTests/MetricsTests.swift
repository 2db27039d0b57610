import Foundation
import Hummingbird
import HummingbirdTesting
import KoersServer
import KoersStorage
import KoersTestSupport
import Logging
import Testing

/// `GET /metrics` in the router of this process: off without a token, 401 without the right
/// one, and what it counts (route templates, not paths; answers saved; store errors) in
/// Prometheus' text format. Each server has its own registry, so these tests run in parallel
/// with each other and count exactly.
@Suite("Prometheus metrics")
struct MetricsTests {
    static let token = "scrape-token-0123456789abcdef"

    /// The router of ``InProcessServer`` with metrics, over SQLite in a folder of its own.
    static func withServer(
        metrics: Bool = true,
        _ test: @Sendable (InProcessClient, _ databasePath: String) async throws -> Void
    ) async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "koers.metrics-test")
        logger.logLevel = .critical
        let path = folder.appendingPathComponent("koers.sqlite").path
        let store = try await openStore(.sqlite(path: path), logger: logger)
        let services = KoersServices(store: store, packs: try InProcessServer.packs.get(), settings: ServiceSettings(bcryptCost: 4))
        let router = try KoersApplication.buildRouter(
            services: services, bodyLimit: ServerConfiguration.defaultBodyLimit, openAPIDocument: try OpenAPIDocument.data(),
            metrics: metrics ? MetricsSettings(token: token) : nil
        )
        let application = Application(router: router, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            try await application.test(.router) { client in
                try await test(InProcessClient(client: client), path)
            }
        }
    }

    static func scrape(_ client: some APIRequester) async throws -> PrometheusText {
        let response = try await client.send("GET", "/metrics", headers: ["Authorization": "Bearer \(token)"])
        try #require(response.status == 200, "\(response)")
        #expect(response.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusText(parsing: response.text)
    }

    @Test("without a token there is no /metrics (404) and nothing is counted")
    func offByDefault() async throws {
        try await Self.withServer(metrics: false) { client, _ in
            let response = try await client.send("GET", "/metrics", headers: ["Authorization": "Bearer \(Self.token)"])
            #expect(response.status == 404, "\(response)")
            #expect(!response.text.contains("koers_http_requests_total"))
        }
    }

    @Test("a scrape without the token, with another or with a longer one is 401 and shows nothing")
    func needsTheToken() async throws {
        try await Self.withServer { client, _ in
            for headers in [
                [:], ["Authorization": "Bearer wrong-token-0123456789abcd"], ["Authorization": "Bearer \(Self.token)x"],
                ["Authorization": "Bearer \(Self.token.dropLast())"], ["Authorization": Self.token],
                ["Authorization": "Basic \(Self.token)"],
            ] {
                let response = try await client.send("GET", "/metrics", headers: headers)
                #expect(response.status == 401, "\(headers): \(response)")
                #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
                #expect(!response.text.contains("koers_"), "\(response)")
            }
            #expect(try await Self.scrape(client).families.count == 4)
        }
    }

    @Test("requests are counted by route template, method and status, never by path, with a latency histogram")
    func requestsByRoute() async throws {
        try await Self.withServer { client, _ in
            let before = try await Self.scrape(client)
            // Every family is there from the start, with HELP and TYPE lines.
            #expect(before.types["koers_answers_saved_total"] == "counter")
            #expect(before.types["koers_store_errors_total"] == "counter")
            #expect(before.value("koers_answers_saved_total", ["via": "api"]) == 0)
            #expect(before.value("koers_answers_saved_total", ["via": "page"]) == 0)
            #expect(before.value("koers_store_errors_total") == 0)

            var secrets: [String] = []
            for _ in 0..<2 {
                let created = try await client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01"])
                let id = try sessionID(of: try #require(created.json["state"] as? [String: Any], "\(created)"))
                let token = try #require(created.json["resumeToken"] as? String, "\(created)")
                secrets += [id, token]
                #expect(try await client.resuming(with: token).get("/api/v1/sessions/\(id)").status == 200)
                #expect(try await client.get("/r/\(token)").status < 400)
            }
            #expect(try await client.post("/api/v1/no-such-thing", [String: String]()).status == 404)
            _ = try await client.send("BREW", "/api/v1/sessions")

            let text = try await client.send("GET", "/metrics", headers: ["Authorization": "Bearer \(Self.token)"]).text
            let after = try PrometheusText(parsing: text)
            for secret in secrets { #expect(!text.contains(secret), "an id or token in a label") }
            let session = ["route": "/api/v1/sessions/{sessionId}", "method": "GET", "status": "200"]
            #expect(after.value("koers_http_requests_total", session) == 2)
            #expect(after.value("koers_http_requests_total", ["route": "/api/v1/sessions", "method": "POST", "status": "201"]) == 2)
            #expect(after.value("koers_http_requests_total", ["route": "unmatched", "method": "POST", "status": "404"]) == 1)
            #expect(after.samples.contains { $0.name == "koers_http_requests_total" && $0.labels["method"] == "OTHER" })
            #expect(after.samples.contains { $0.labels["route"]?.hasPrefix("/r/") == true && $0.labels["route"]?.contains("{") == true })
            // The scrape before this one counts too, as an ordinary route.
            #expect(after.value("koers_http_requests_total", ["route": "/metrics", "method": "GET", "status": "200"]) == 1)

            #expect(after.types["koers_http_request_duration_seconds"] == "histogram")
            let latency = ["route": "/api/v1/sessions/{sessionId}", "method": "GET"]
            #expect(after.value("koers_http_request_duration_seconds_count", latency) == 2)
            #expect(after.value("koers_http_request_duration_seconds_bucket", latency.merging(["le": "+Inf"]) { $1 }) == 2)
            let sum = try #require(after.value("koers_http_request_duration_seconds_sum", latency))
            #expect(sum > 0 && sum < 60)
            let buckets = after.samples.filter { $0.name == "koers_http_request_duration_seconds_bucket" && $0.labels["route"] == latency["route"] && $0.labels["method"] == "GET" }
            #expect(buckets.count >= 10)
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value }, "buckets are cumulative")
            for family in ["koers_http_requests_total", "koers_http_request_duration_seconds", "koers_answers_saved_total", "koers_store_errors_total"] {
                #expect(after.help[family]?.isEmpty == false, "HELP for \(family)")
            }
        }
    }

    @Test("answers saved through the API and the answer form are counted; refused ones are not")
    func answersSaved() async throws {
        try await Self.withServer { client, _ in
            let created = try await client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01"])
            let id = try sessionID(of: try #require(created.json["state"] as? [String: Any], "\(created)"))
            let token = try #require(created.json["resumeToken"] as? String, "\(created)")
            let owner = client.resuming(with: token)
            let driver = InterviewDriver(client: owner, sessionID: id)

            // Through the API: a refused answer (422), then an accepted one.
            var state = try await owner.get("/api/v1/sessions/\(id)").json
            var question = try #require(state["nextQuestion"] as? [String: Any], "\(state)")
            var questionID = try #require(question["id"] as? String)
            let refused = try await owner.put("/api/v1/sessions/\(id)/answers/\(questionID)", ["value": ["not", "an", "answer"], "note": 7])
            #expect(refused.status >= 400, "\(refused)")
            var saved = false
            for body in driver.candidates(for: question, step: 1) where !saved {
                saved = try await owner.put("/api/v1/sessions/\(id)/answers/\(questionID)", body).status == 200
            }
            try #require(saved)
            var metrics = try await Self.scrape(client)
            #expect(metrics.value("koers_answers_saved_total", ["via": "api"]) == 1)
            #expect(metrics.value("koers_answers_saved_total", ["via": "page"]) == 0)

            // Through the page's form: a form that chooses nothing shows the page again, then
            // an answer is saved (303 back to the interview).
            state = try await owner.get("/api/v1/sessions/\(id)").json
            let answeredBefore = (state["answers"] as? [Any])?.count ?? 0
            question = try #require(state["nextQuestion"] as? [String: Any], "\(state)")
            questionID = try #require(question["id"] as? String)
            let empty = try await Self.submit(client, token: token, "question=\(questionID)")
            #expect(empty.status != 303, "\(empty)")
            saved = false
            for body in driver.candidates(for: question, step: 1) where !saved {
                let response = try await Self.submit(client, token: token, "question=\(questionID)&" + Self.formFields(body))
                saved = response.status == 303
            }
            try #require(saved)
            state = try await owner.get("/api/v1/sessions/\(id)").json
            #expect((state["answers"] as? [Any])?.count == answeredBefore + 1)
            metrics = try await Self.scrape(client)
            #expect(metrics.value("koers_answers_saved_total", ["via": "api"]) == 1)
            #expect(metrics.value("koers_answers_saved_total", ["via": "page"]) == 1)
        }
    }

    @Test("a store failure that reaches a response is counted as a store error")
    func storeErrors() async throws {
        try await Self.withServer { client, databasePath in
            let created = try await client.post("/api/v1/sessions", ["pack": "set-eligibility", "date": "2021-10-01"])
            let id = try sessionID(of: try #require(created.json["state"] as? [String: Any], "\(created)"))
            let token = try #require(created.json["resumeToken"] as? String, "\(created)")
            // Damage the stored session document behind the server's back (python3's sqlite3),
            // raising its revision as any change of a document must for a running server to see it.
            let damage = try CommandRunner.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", "-c",
                    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=10); c.execute(\"UPDATE interview_sessions SET document = '{', revision = revision + 1\"); c.commit()",
                    databasePath,
                ],
                in: Fixtures.packageRoot
            )
            try #require(damage.status == 0, "\(damage.standardError)")
            let read = try await client.resuming(with: token).get("/api/v1/sessions/\(id)")
            #expect(read.isProblem(503), "\(read)")
            let metrics = try await Self.scrape(client)
            #expect(metrics.value("koers_store_errors_total") == 1)
            #expect(metrics.value("koers_http_requests_total", ["route": "/api/v1/sessions/{sessionId}", "method": "GET", "status": "503"]) == 1)
        }
    }

    private static func submit(_ client: InProcessClient, token: String, _ fields: String) async throws -> APIResponse {
        try await client.send(
            "POST", "/r/\(token)/answer", body: Data(fields.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"]
        )
    }

    /// An API answer body as the answer form's fields.
    private static func formFields(_ body: [String: Any]) -> String {
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
        if body["dontKnow"] as? Bool == true { return "special=unknown" }
        if body["skip"] as? Bool == true { return "special=skip" }
        switch body["value"] {
        case let flag as Bool: return "value=\(flag)"
        case let list as [Any]: return list.map { "value=\(encoded("\($0)"))" }.joined(separator: "&")
        case let value?: return "value=\(encoded("\(value)"))"
        case nil: return ""
        }
    }
}

/// Prometheus' text exposition format (0.0.4), read strictly: every line is a `# HELP`, a
/// `# TYPE` or a sample with a valid metric name, valid label names, quoted label values and a
/// number; each sample belongs to a family whose TYPE came before it.
struct PrometheusText {
    struct Sample {
        let name: String
        let labels: [String: String]
        let value: Double
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    private(set) var samples: [Sample] = []
    private(set) var help: [String: String] = [:]
    private(set) var types: [String: String] = [:]

    var families: Set<String> { Set(types.keys) }

    init(parsing text: String) throws {
        let name = #/[a-zA-Z_:][a-zA-Z0-9_:]*/#
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if let match = line.wholeMatch(of: #/# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)/#) {
                help[String(match.1)] = String(match.2)
            } else if let match = line.wholeMatch(of: #/# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)/#) {
                guard types[String(match.1)] == nil else { throw Invalid(description: "a second TYPE line: \(line)") }
                types[String(match.1)] = String(match.2)
            } else if line.hasPrefix("#") {
                throw Invalid(description: "not a HELP or TYPE comment: \(line)")
            } else {
                guard let match = line.wholeMatch(of: #/([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? ([^ ]+)/#),
                    match.1.wholeMatch(of: name) != nil
                else { throw Invalid(description: "not a sample: \(line)") }
                let sampleName = String(match.1)
                guard let value = Self.number(String(match.3)) else { throw Invalid(description: "not a number: \(line)") }
                let labels = try match.2.map { try Self.labels(String($0.dropFirst().dropLast()), line: String(line)) } ?? [:]
                let family = ["_bucket", "_sum", "_count"].reduce(sampleName) { name, suffix in
                    types[name] == nil && name.hasSuffix(suffix) && types[String(name.dropLast(suffix.count))] == "histogram"
                        ? String(name.dropLast(suffix.count)) : name
                }
                guard types[family] != nil else { throw Invalid(description: "a sample before its TYPE line: \(line)") }
                samples.append(Sample(name: sampleName, labels: labels, value: value))
            }
        }
    }

    /// The value of the sample with exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        case "NaN": .nan
        default: Double(text)
        }
    }

    private static func labels(_ text: String, line: String) throws -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let match = rest.prefixMatch(of: #/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"(,?)/#) else {
                throw Invalid(description: "bad labels: \(line)")
            }
            result[String(match.1)] = String(match.2)
                .replacingOccurrences(of: #"\""#, with: "\"").replacingOccurrences(of: #"\n"#, with: "\n")
                .replacingOccurrences(of: #"\\"#, with: "\\")
            rest = rest[match.range.upperBound...]
            if match.3.isEmpty, !rest.isEmpty { throw Invalid(description: "bad labels: \(line)") }
        }
        return result
    }
}
