import HTTPTypes
import Hummingbird
import NIOCore

/// How `GET /metrics` is offered: off unless a token is configured (`koers serve
/// --metrics-token-file` or `$KOERS_METRICS_TOKEN`), and then only to a scraper that sends
/// `Authorization: Bearer TOKEN`. Without these settings `/metrics` is an ordinary unknown path
/// (404) and nothing is counted.
public struct MetricsSettings: Sendable {
    /// The bearer token a scrape must send.
    public var token: String
    /// Where this server's requests are counted.
    public var metrics: KoersMetrics

    /// The shortest token accepted: 16 characters, so that it cannot be guessed by trying.
    public static let minimumTokenLength = 16

    /// Creates the settings.
    ///
    /// - Parameters:
    ///   - token: The bearer token (at least ``minimumTokenLength`` characters; the `serve`
    ///     command checks that).
    ///   - metrics: Where requests are counted; a new, empty set unless told.
    public init(token: String, metrics: KoersMetrics = KoersMetrics()) {
        self.token = token
        self.metrics = metrics
    }

    /// Adds the counting middleware and `GET /metrics` to a router. Call it before any route is
    /// added: Hummingbird gives a route the middleware added before it.
    ///
    /// - Parameter router: The router.
    func install(on router: Router<KoersRequestContext>) {
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        let token = Array(("Bearer " + token).utf8)
        let metrics = self.metrics
        router.get("/metrics") { request, _ -> Response in
            guard let given = request.headers[.authorization], Self.equalInConstantTime(Array(given.utf8), token) else {
                var headers = HTTPFields()
                headers[.wwwAuthenticate] = #"Bearer realm="koers-metrics""#
                headers[.contentType] = "text/plain; charset=utf-8"
                headers[.cacheControl] = "no-store"
                return Response(
                    status: .unauthorized, headers: headers,
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "/metrics needs Authorization: Bearer TOKEN\n"))
                )
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
    }

    /// Compares two byte strings in a time that does not tell how much of a guess was right.
    static func equalInConstantTime(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}

/// Counts every request into ``KoersMetrics``: its route template, method, status and time, and
/// the answers it saved. It runs outside every other middleware, so it sees the status the
/// client gets (problems included) and the whole time taken.
///
/// An answer counts as saved when `PUT` of ``APIEndpoint/answerQuestion`` answers 2xx, or when a
/// page's answer form (`POST …/answer`) answers with the 303 to the interview that follows a
/// save (its other outcomes are a page again, or a 303 to `/login`).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = KoersRequestContext

    let metrics: KoersMetrics

    static let answerFormRoutes: Set<String> = ["/r/{token}/answer", "/sessions/{id}/answer"]

    func handle(
        _ request: Request,
        context: KoersRequestContext,
        next: (Request, KoersRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.recordRequest(
                route: context.endpointPath, method: request.method, status: status, duration: ContinuousClock.now - started
            )
            throw error
        }
        let route = context.endpointPath
        metrics.recordRequest(route: route, method: request.method, status: response.status, duration: ContinuousClock.now - started)
        if let channel = Self.savedAnswer(route: route, method: request.method, response: response) {
            metrics.recordAnswerSaved(via: channel)
        }
        return response
    }

    /// Where the request saved an answer from, or `nil` when it saved none.
    static func savedAnswer(route: String?, method: HTTPRequest.Method, response: Response) -> KoersMetrics.AnswerChannel? {
        guard let route else { return nil }
        if method == APIEndpoint.answerQuestion.method, route == APIEndpoint.answerQuestion.path,
            response.status.kind == .successful
        {
            return .api
        }
        if method == .post, answerFormRoutes.contains(route), response.status == .seeOther,
            let location = response.headers[.location], !location.hasPrefix("/login")
        {
            return .page
        }
        return nil
    }
}
