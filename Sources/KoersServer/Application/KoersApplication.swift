public import Foundation
public import Hummingbird
import KoersStorage
public import Logging
import NIOCore
import ServiceLifecycle

/// Builds the router of the Koers server and runs it.
///
/// ```swift
/// try await KoersApplication.run(configuration: configuration, logger: logger) { url in
///     print("Koers is running at \(url)")
/// }
/// ```
public enum KoersApplication {
    /// Builds the router: request ids and body limits for everything, problem details under
    /// `/api` (router-wide, so that unknown `/api` paths get a problem too), 405 with `Allow`
    /// for a method a path of the API does not take, the API's routes
    /// (``APIEndpoint``, in a group at `/api/v1`), `/health`, and the HTML pages.
    ///
    /// - Parameters:
    ///   - services: The services.
    ///   - bodyLimit: The largest request body accepted, in bytes.
    ///   - openAPIDocument: The OpenAPI document to serve.
    ///   - pages: How the HTML pages are served.
    ///   - metrics: `GET /metrics` and the counting of requests; `nil` for neither.
    /// - Returns: The router.
    /// - Throws: ``ServerError/missingResource(_:)`` when the pages' templates cannot be loaded.
    public static func buildRouter(
        services: KoersServices,
        bodyLimit: Int,
        openAPIDocument: Data,
        pages: PageSettings = PageSettings(),
        metrics: MetricsSettings? = nil
    ) throws(ServerError) -> Router<KoersRequestContext> {
        let router = Router(context: KoersRequestContext.self)
        metrics?.install(on: router)  // first: it times and counts everything after it
        router.add(middleware: RequestIDMiddleware(bodyLimit: bodyLimit))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware())
        let handlers = APIHandlers(services: services, openAPIDocument: openAPIDocument)
        let api = router.group(RouterPath(APIEndpoint.prefix))
        for endpoint in APIEndpoint.allCases {
            let handle: @Sendable (Request, KoersRequestContext) async throws -> Response = { request, context in
                try await handlers.respond(to: endpoint, request: request, context: context)
            }
            if endpoint.path.hasPrefix(APIEndpoint.prefix + "/") {
                api.on(RouterPath(String(endpoint.path.dropFirst(APIEndpoint.prefix.count))), method: endpoint.method, use: handle)
            } else {
                router.on(RouterPath(endpoint.path), method: endpoint.method, use: handle)
            }
        }

        // MARK: HTML pages
        // The pages (Sources/KoersServer/Pages) add their routes to the same router; errors
        // outside /api are theirs to show.
        do {
            var pageSettings = pages
            pageSettings.formLimit = bodyLimit
            try PageRoutes.add(to: router, services: services, settings: pageSettings)
        } catch {
            throw .missingResource("page templates (\(error))")
        }

        return router
    }

    /// Opens the store, loads the packs and runs the server until SIGINT or SIGTERM.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen, the data folder, the database and the limits.
    ///   - logger: Where to log.
    ///   - onRunning: Called once the server listens, with its URL (`http://HOST:PORT/`, the
    ///     real port when 0 was asked for).
    /// - Throws: ``ServerError`` as one line for a person.
    public static func run(
        configuration: ServerConfiguration,
        logger: Logger,
        onRunning: @escaping @Sendable (String) -> Void
    ) async throws(ServerError) {
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw .dataDirectory(path: configuration.dataDirectory, reason: (error as NSError).localizedDescription)
        }
        let openAPI = try OpenAPIDocument.data()
        let packs = PackLibrary(
            roots: configuration.packRoots, embedded: configuration.embeddedPacks, registry: configuration.registry
        )
        for problem in packs.problems { logger.warning("packs: \(problem)") }
        logger.info("packs: \(packs.packs.map(\.id).joined(separator: ", "))")

        let store: any KoersStore
        do {
            store = try await openStore(configuration.database, logger: logger)
            try await store.ping()
        } catch {
            throw .database(error.description)
        }
        var settings = ServiceSettings(bcryptCost: configuration.bcryptCost)
        settings.anonymousSessions = configuration.anonymousSessions
        let services = KoersServices(store: store, packs: packs, settings: settings)
        let router = try buildRouter(
            services: services, bodyLimit: configuration.bodyLimit, openAPIDocument: openAPI, pages: configuration.pages,
            metrics: configuration.metricsToken.map { MetricsSettings(token: $0) }
        )
        let host = configuration.host
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: configuration.port),
                serverName: "Koers"
            ),
            // The store runs in the application's service group: on SIGINT or SIGTERM the
            // server finishes its requests first, then the store stops.
            services: [StoreService(store: store), AnonymousSessionCleanUp(services: services, logger: logger)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onRunning("http://\(shownHost):\(port)/")
            },
            logger: logger
        )
        do {
            try await application.runService()
        } catch {
            throw classify(error, configuration: configuration)
        }
    }

    private static func classify(_ error: any Error, configuration: ServerConfiguration) -> ServerError {
        if let error = error as? StoreError { return .database(error.description) }
        if let error = error as? IOError {
            return .cannotListen(host: configuration.host, port: configuration.port, reason: Self.reason(errno: error.errnoCode))
        }
        let text = "\(error)"
        if text.contains("Address already in use") {
            return .cannotListen(host: configuration.host, port: configuration.port, reason: "the port is in use")
        }
        if text.lowercased().contains("bind") || text.contains("resolve") || text.contains("Cannot assign") {
            return .cannotListen(host: configuration.host, port: configuration.port, reason: text)
        }
        return .stopped(text)
    }

    private static func reason(errno code: Int32) -> String {
        switch code {
        case EADDRINUSE: "the port is in use"
        case EADDRNOTAVAIL: "the address is not one of this machine's"
        case EACCES: "permission denied (ports below 1024 need privileges)"
        default: String(cString: strerror(code))
        }
    }
}

/// The store's background work (PostgresNIO's connection pool) as a service of the
/// application, stopped at graceful shutdown once the server has stopped.
private struct StoreService: Service {
    let store: any KoersStore

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await store.run() }
    }
}

/// Removes expired anonymous sessions every ``AnonymousSessionPolicy/cleanUpInterval`` while the
/// server runs, logging how many (and a database that did not answer).
private struct AnonymousSessionCleanUp: Service {
    let services: KoersServices
    let logger: Logger

    func run() async throws {
        let logger = self.logger
        await cancelWhenGracefulShutdown {
            await services.cleanUpAnonymousSessions { result in
                switch result {
                case .success(let count) where count > 0: logger.info("removed \(count) expired anonymous sessions")
                case .success: break
                case .failure(let error): logger.warning("removing expired anonymous sessions: \(error)")
                }
            }
        }
    }
}
