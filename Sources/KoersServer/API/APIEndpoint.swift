public import Hummingbird

/// Every route of the JSON API (and `/health`), with its method and path as the OpenAPI
/// document writes it; the router is built from this list alone, so a test can hold the list
/// and `openapi/koers-api.openapi.json` against each other.
public enum APIEndpoint: String, Sendable, CaseIterable {
    case health
    case openAPI
    case login
    case logout
    case me
    case listPacks
    case getPack
    case listOrganisations
    case createOrganisation
    case getOrganisation
    case addOrganisationCoach
    case listOrganisationSessions
    case createOrganisationSession
    case listShareLinks
    case createAnonymousSession
    case getSession
    case answerQuestion
    case removeAnswer
    case setOverride
    case removeOverride
    case confirmOverride
    case getResult
    case getReport
    case getComparisonReport
    case createShareLink
    case revokeShareLink
    case getSharedReport
    // Accounts and roles (issue 13).
    case changeOwnPassword
    case listAccounts
    case createAccount
    case getAccount
    case updateAccount
    case resetAccountPassword
    case addAccountOrganisation
    case removeAccountOrganisation
    // The organisation's data (issue 13).
    case deleteOrganisation
    case exportOrganisation
    case importSession
    case deleteSession
    case downloadSession
    case getSessionHistory
    case verifyScore

    /// The path prefix of the API.
    public static let prefix = "/api/v1"

    /// The HTTP method.
    public var method: HTTPRequest.Method {
        switch self {
        case .login, .logout, .createOrganisation, .addOrganisationCoach, .createOrganisationSession,
            .createAnonymousSession, .confirmOverride, .createShareLink, .verifyScore:
            .post
        case .changeOwnPassword, .createAccount, .resetAccountPassword, .importSession: .post
        case .updateAccount: .patch
        case .answerQuestion, .setOverride, .addAccountOrganisation: .put
        case .removeAnswer, .removeOverride, .revokeShareLink, .removeAccountOrganisation, .deleteOrganisation,
            .deleteSession:
            .delete
        default: .get
        }
    }

    /// The HTTP method's name, such as `GET`.
    public var methodName: String { method.rawValue }

    /// The full path, with parameters as `{name}`.
    public var path: String {
        switch self {
        case .health: "/health"
        case .openAPI: Self.prefix + "/openapi.json"
        case .login: Self.prefix + "/login"
        case .logout: Self.prefix + "/logout"
        case .me: Self.prefix + "/me"
        case .listPacks: Self.prefix + "/packs"
        case .getPack: Self.prefix + "/packs/{packId}"
        case .listOrganisations, .createOrganisation: Self.prefix + "/organisations"
        case .getOrganisation: Self.prefix + "/organisations/{organisationId}"
        case .addOrganisationCoach: Self.prefix + "/organisations/{organisationId}/coaches"
        case .listOrganisationSessions, .createOrganisationSession: Self.prefix + "/organisations/{organisationId}/sessions"
        case .listShareLinks: Self.prefix + "/organisations/{organisationId}/share-links"
        case .createAnonymousSession: Self.prefix + "/sessions"
        case .getSession: Self.prefix + "/sessions/{sessionId}"
        case .answerQuestion, .removeAnswer: Self.prefix + "/sessions/{sessionId}/answers/{questionId}"
        case .setOverride, .removeOverride: Self.prefix + "/sessions/{sessionId}/overrides/{scoreId}"
        case .confirmOverride: Self.prefix + "/sessions/{sessionId}/overrides/{scoreId}/confirmation"
        case .getResult: Self.prefix + "/sessions/{sessionId}/result"
        case .getReport: Self.prefix + "/sessions/{sessionId}/report"
        case .getComparisonReport: Self.prefix + "/reports/comparison"
        case .createShareLink: Self.prefix + "/share-links"
        case .revokeShareLink: Self.prefix + "/share-links/{shareLinkId}"
        case .getSharedReport: Self.prefix + "/shared/{token}"
        case .changeOwnPassword: Self.prefix + "/me/password"
        case .listAccounts, .createAccount: Self.prefix + "/accounts"
        case .getAccount, .updateAccount: Self.prefix + "/accounts/{accountId}"
        case .resetAccountPassword: Self.prefix + "/accounts/{accountId}/password"
        case .addAccountOrganisation, .removeAccountOrganisation:
            Self.prefix + "/accounts/{accountId}/organisations/{organisationId}"
        case .deleteOrganisation: Self.prefix + "/organisations/{organisationId}"
        case .exportOrganisation: Self.prefix + "/organisations/{organisationId}/export"
        case .importSession: Self.prefix + "/organisations/{organisationId}/imports"
        case .deleteSession: Self.prefix + "/sessions/{sessionId}"
        case .downloadSession: Self.prefix + "/sessions/{sessionId}/file"
        case .getSessionHistory: Self.prefix + "/sessions/{sessionId}/history"
        case .verifyScore: Self.prefix + "/sessions/{sessionId}/scores/{scoreId}/verification"
        }
    }
}

extension APIEndpoint {
    /// Whether the endpoint's path template matches a request path: the same segments, a
    /// `{name}` segment matching any one non-empty segment (empty segments are ignored, as the
    /// router ignores them).
    ///
    /// - Parameter requestPath: The request's path, without the query.
    /// - Returns: Whether it matches.
    public func matches(path requestPath: String) -> Bool {
        let actual = requestPath.split(separator: "/")
        return Self.templates.contains { $0.endpoint == self && Self.matches($0.segments, actual) }
    }

    /// Each endpoint's path template as segments, `nil` for a `{name}` segment, and its method:
    /// split once, since the 405 check runs on every request.
    private static let templates: [(endpoint: APIEndpoint, method: String, segments: [String?])] = allCases.map {
        endpoint in
        (
            endpoint,
            endpoint.methodName,
            endpoint.path.split(separator: "/").map { segment in
                segment.hasPrefix("{") && segment.hasSuffix("}") ? nil : String(segment)
            }
        )
    }

    /// Whether the route table has an endpoint for a method and a path: the check every request
    /// to the API passes, without gathering and ordering all of the path's methods as
    /// ``methods(forPath:)`` does for a 405.
    ///
    /// - Parameters:
    ///   - method: The request's method, such as `PUT`.
    ///   - requestPath: The request's path, without the query.
    /// - Returns: Whether `methods(forPath: requestPath)` contains `method`.
    public static func takes(_ method: String, path requestPath: String) -> Bool {
        let actual = requestPath.split(separator: "/")
        return templates.contains { $0.method == method && matches($0.segments, actual) }
    }

    private static func matches(_ template: [String?], _ actual: [Substring]) -> Bool {
        guard template.count == actual.count else { return false }
        return zip(template, actual).allSatisfy { pattern, segment in pattern.map { $0 == segment } ?? true }
    }

    /// The methods the route table has for a path, in a fixed order, or an empty list when no
    /// endpoint has the path (a path the API does not know at all stays a 404).
    ///
    /// - Parameter requestPath: The request's path, without the query.
    /// - Returns: The methods, such as `["GET", "POST"]`.
    public static func methods(forPath requestPath: String) -> [String] {
        let order = ["GET", "PUT", "POST", "DELETE", "PATCH"]
        let actual = requestPath.split(separator: "/")
        let methods = Set(templates.filter { matches($0.segments, actual) }.map(\.method))
        func rank(_ method: String) -> (Int, String) { (order.firstIndex(of: method) ?? order.count, method) }
        return methods.sorted { rank($0) < rank($1) }
    }
}
