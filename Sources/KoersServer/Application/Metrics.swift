import HTTPTypes
import Metrics
import Prometheus
import Synchronization

/// What one server counts for Prometheus: requests by route and status, their latency, answers
/// saved and store failures that reached a response.
///
/// Each instance has its own registry (swift-metrics with a factory of its own, never the
/// process-wide `MetricsSystem`), so several servers in one process, as in the tests, count
/// apart. ``exposition()`` is what `GET /metrics` serves.
///
/// The metrics (label values are route templates such as `/api/v1/sessions/{sessionId}`, never
/// paths, so no id or token reaches a label):
///
/// - `koers_http_requests_total{route, method, status}`: answered requests; `route` is
///   `unmatched` for a path no route has.
/// - `koers_http_request_duration_seconds{route, method}`: how long answering took, a histogram.
/// - `koers_answers_saved_total{via}`: answers saved through the API (`api`) or the pages'
///   answer form (`page`).
/// - `koers_store_errors_total`: requests answered 503 because the database failed or did not
///   answer (``ServiceError/unavailable(_:)``, `/health` with its database down).
public final class KoersMetrics: Sendable {
    /// The metric names, as Prometheus shows them.
    enum Name {
        static let requests = "koers_http_requests_total"
        static let duration = "koers_http_request_duration_seconds"
        static let answersSaved = "koers_answers_saved_total"
        static let storeErrors = "koers_store_errors_total"
    }

    /// Where answers are saved from: the value of `koers_answers_saved_total`'s `via` label.
    enum AnswerChannel: String, Sendable, CaseIterable {
        /// `PUT /api/v1/sessions/{sessionId}/answers/{questionId}`.
        case api
        /// The question page's form (`POST /r/{token}/answer`, `POST /sessions/{id}/answer`).
        case page
    }

    private let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusHelpFactory
    private let requestMetrics = Mutex<[RequestKey: RequestMetrics]>([:])
    private let answersSaved: [AnswerChannel: Metrics.Counter]
    private let storeErrors: Metrics.Counter

    private struct RequestKey: Hashable {
        let route: String
        let method: String
        let status: Int
    }

    private struct RequestMetrics {
        let counter: Metrics.Counter
        let timer: Metrics.Timer
    }

    /// Creates the metrics of one server, all at zero; answers saved and store errors show up
    /// in the first scrape already.
    public init() {
        factory = PrometheusHelpFactory(
            registry: registry,
            help: [
                Name.requests: "HTTP requests answered, by route template, method and status code.",
                Name.duration: "Time taken to answer an HTTP request, by route template and method.",
                Name.answersSaved: "Answers saved to sessions, through the API or the pages' answer form.",
                Name.storeErrors: "Requests answered 503 because the database failed or did not answer.",
            ],
            durationBuckets: [
                .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                .microseconds(2_500_000), .seconds(5), .seconds(10),
            ]
        )
        var saved: [AnswerChannel: Metrics.Counter] = [:]
        for channel in AnswerChannel.allCases {
            saved[channel] = Metrics.Counter(label: Name.answersSaved, dimensions: [("via", channel.rawValue)], factory: factory)
        }
        answersSaved = saved
        storeErrors = Metrics.Counter(label: Name.storeErrors, factory: factory)
    }

    /// Counts an answered request.
    ///
    /// - Parameters:
    ///   - route: The route's template (`/api/v1/sessions/{sessionId}`), or `nil` when no route
    ///     matched.
    ///   - method: The request method; one outside the standard ones counts as `OTHER`, so
    ///     that no client can add label values at will.
    ///   - status: The response status.
    ///   - duration: How long answering took.
    func recordRequest(route: String?, method: HTTPRequest.Method, status: HTTPResponse.Status, duration: Duration) {
        let key = RequestKey(route: Self.routeLabel(route), method: Self.methodLabel(method), status: status.code)
        let metrics = requestMetrics.withLock { cache in
            if let found = cache[key] { return found }
            let made = RequestMetrics(
                counter: Metrics.Counter(
                    label: Name.requests,
                    dimensions: [("route", key.route), ("method", key.method), ("status", String(key.status))],
                    factory: factory
                ),
                timer: Metrics.Timer(
                    label: Name.duration, dimensions: [("route", key.route), ("method", key.method)], factory: factory
                )
            )
            cache[key] = made
            return made
        }
        metrics.counter.increment()
        metrics.timer.record(duration: duration)
        if status == .serviceUnavailable { storeErrors.increment() }
    }

    /// Counts a saved answer.
    ///
    /// - Parameter channel: Where it was saved from.
    func recordAnswerSaved(via channel: AnswerChannel) {
        answersSaved[channel]?.increment()
    }

    /// Every metric in Prometheus' text exposition format (version 0.0.4), with `# HELP` and
    /// `# TYPE` lines.
    public func exposition() -> String {
        registry.emitToString()
    }

    static func routeLabel(_ route: String?) -> String {
        guard let route, !route.isEmpty, route != "NotFound" else { return "unmatched" }
        return route
    }

    static let standardMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"]

    static func methodLabel(_ method: HTTPRequest.Method) -> String {
        standardMethods.contains(method.rawValue) ? method.rawValue : "OTHER"
    }
}
