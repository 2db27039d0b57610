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

    /// The path prefix of the API.
    public static let prefix = "/api/v1"

    /// The HTTP method.
    public var method: HTTPRequest.Method {
        switch self {
        case .login, .logout, .createOrganisation, .addOrganisationCoach, .createOrganisationSession,
            .createAnonymousSession, .confirmOverride, .createShareLink:
            .post
        case .answerQuestion, .setOverride: .put
        case .removeAnswer, .removeOverride, .revokeShareLink: .delete
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
        }
    }
}
