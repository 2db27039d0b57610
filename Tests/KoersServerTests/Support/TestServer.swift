import Foundation
import KoersTestSupport
import Testing

/// The databases the end-to-end tests run against: SQLite always, PostgreSQL when
/// `KOERS_TEST_POSTGRES_URL` is set.
enum Backend: String, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var all: [Backend] { PostgresTestDatabase.isConfigured ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }
}

/// A running `koers serve` on its own data folder (and its own PostgreSQL database), with a
/// coach account, for one test.
final class TestServer {
    let server: ServerProcess
    let folder: URL
    private let postgres: PostgresTestDatabase?

    static let password = "correct horse battery"

    init(_ backend: Backend, extraArguments: [String] = []) async throws {
        folder = try Fixtures.temporaryDirectory()
        switch backend {
        case .sqlite: postgres = nil
        case .postgres: postgres = try PostgresTestDatabase.create()
        }
        server = ServerProcess(dataDirectory: folder, database: postgres?.url, extraArguments: extraArguments)
        try await server.start()
    }

    deinit {
        server.kill()
        try? postgres?.drop()
        try? FileManager.default.removeItem(at: folder)
    }

    var client: APIClient {
        get throws {
            guard let url = server.baseURL else { throw ServerProcess.Failure(description: "the server is not running") }
            return APIClient(baseURL: url)
        }
    }

    /// Adds a coach with `koers coach add`.
    func coach(_ email: String, name: String) throws {
        try server.addCoach(email: email, name: name, password: Self.password)
    }

    /// Logs a coach in and returns a client with the token.
    func login(_ email: String) async throws -> APIClient {
        let response = try await client.post("/api/v1/login", ["email": email, "password": Self.password])
        guard response.status == 200, let token = response.json["token"] as? String else {
            throw ServerProcess.Failure(description: "login failed: \(response)")
        }
        return try client.loggedIn(as: token)
    }
}
