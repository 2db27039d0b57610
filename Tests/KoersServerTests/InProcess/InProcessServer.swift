import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KoersBuiltins
import KoersServer
import KoersStorage
import KoersTestSupport
import Logging
import NIOCore
import Testing

/// The Koers router in this process (HummingbirdTesting's `.router` set-up): the same router
/// `koers serve` runs (``KoersApplication/buildRouter(services:bodyLimit:openAPIDocument:pages:)``)
/// over a store of its own, with the packs of `Rules/`, but without a process, a port or a
/// socket. A handler test costs a store and a request, not a process start.
struct InProcessServer: Sendable {
    /// The services behind the router, for set-up that has no HTTP route (adding a coach).
    let services: KoersServices
    /// A client without credentials.
    let client: InProcessClient

    static let password = "correct horse battery"

    /// The packs of `Rules/` with the built-in plugins, loaded once for every test.
    static let packs: Result<PackLibrary, any Error> = Result {
        PackLibrary(roots: [Fixtures.rulesDirectory.path], registry: try BuiltinPlugins.registry())
    }

    /// Runs `test` against a router over a new store of the backend; the store is removed after.
    ///
    /// - Parameters:
    ///   - backend: SQLite in a temporary folder, or a new PostgreSQL database.
    ///   - bodyLimit: The largest request body, as `koers serve --body-limit`.
    ///   - settings: The services' settings (a test's own clock or limits).
    ///   - pages: How the pages are served (`--public-url`).
    ///   - test: The test, given the server.
    static func run(
        _ backend: Backend,
        bodyLimit: Int = ServerConfiguration.defaultBodyLimit,
        settings: ServiceSettings = ServiceSettings(bcryptCost: 4),
        pages: PageSettings = PageSettings(),
        _ test: @Sendable (InProcessServer) async throws -> Void
    ) async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let postgres = backend == .postgres ? try PostgresTestDatabase.create() : nil
        defer { try? postgres?.drop() }
        var logger = Logger(label: "koers.in-process-test")
        logger.logLevel = .error
        let location: StoreLocation = postgres.map { .postgres(url: $0.url) } ?? .sqlite(path: folder.appendingPathComponent("koers.sqlite").path)
        let store = try await openStore(location, logger: logger)
        let services = KoersServices(store: store, packs: try packs.get(), settings: settings)
        let router = try KoersApplication.buildRouter(
            services: services, bodyLimit: bodyLimit, openAPIDocument: try OpenAPIDocument.data(), pages: pages
        )
        let application = Application(router: router, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            try await application.test(.router) { client in
                try await test(InProcessServer(services: services, client: InProcessClient(client: client)))
            }
        }
    }

    /// Adds a coach, as `koers coach add` does.
    func coach(_ email: String, name: String) async throws {
        _ = try await services.accounts.createCoach(email: email, name: name, password: Self.password)
    }

    /// Logs a coach in through the API and returns a client with the token.
    func login(_ email: String) async throws -> InProcessClient {
        let response = try await client.post("/api/v1/login", ["email": email, "password": Self.password])
        let token = try #require(response.json["token"] as? String, "login failed: \(response)")
        return client.loggedIn(as: token)
    }
}

/// Sends requests to the in-process router, with the same API as ``APIClient``.
struct InProcessClient: APIRequester {
    let client: any TestClientProtocol
    var bearerToken: String?
    var resumeToken: String?

    func send(
        _ method: String,
        _ path: String,
        json: Any?,
        body: Data?,
        headers: [String: String]
    ) async throws -> APIResponse {
        var fields = HTTPFields()
        var bytes = body
        if let json { bytes = try JSONSerialization.data(withJSONObject: json) }
        if bytes != nil { fields[.contentType] = "application/json" }
        if let bearerToken { fields[.authorization] = "Bearer \(bearerToken)" }
        if let resumeToken { fields[try Self.name("X-Resume-Token")] = resumeToken }
        for (name, value) in headers { fields[try Self.name(name)] = value }
        let response = try await client.executeRequest(
            uri: path,
            method: try #require(HTTPRequest.Method(method)),
            headers: fields,
            body: bytes.map { ByteBuffer(bytes: $0) }
        )
        var shown: [String: String] = [:]
        for field in response.headers {
            shown[field.name.canonicalName] = shown[field.name.canonicalName].map { "\($0), \(field.value)" } ?? field.value
        }
        return APIResponse(status: Int(response.status.code), headers: shown, data: Data(response.body.readableBytesView))
    }

    private static func name(_ text: String) throws -> HTTPField.Name {
        try #require(HTTPField.Name(text))
    }

    func loggedIn(as token: String) -> InProcessClient { InProcessClient(client: client, bearerToken: token) }
    func resuming(with token: String) -> InProcessClient { InProcessClient(client: client, resumeToken: token) }
    var anonymous: InProcessClient { InProcessClient(client: client) }
}
