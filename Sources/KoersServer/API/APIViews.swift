import Foundation
import KoersStorage

/// A coach as the API shows them (never the password hash).
struct CoachView: Encodable {
    var id: String
    var email: String
    var name: String
    var role: AccountRole

    init(_ coach: CoachAccount) {
        id = coach.id
        email = coach.email
        name = coach.displayName
        role = coach.role
    }
}

/// The answer to `POST /api/v1/login`.
struct LoginView: Encodable {
    var token: String
    var tokenType = "Bearer"
    var expiresAt: Date
    var coach: CoachView
}

/// `{"packs": […]}`.
struct PackList: Encodable {
    var packs: [PackSummary]
}

/// `{"organisations": […]}`.
struct OrganisationList: Encodable {
    var organisations: [OrganisationView]
}

/// `{"sessions": […]}`.
struct SessionList: Encodable {
    var sessions: [SessionSummary]
}

/// `{"shareLinks": […]}`.
struct ShareLinkList: Encodable {
    var shareLinks: [ShareLinkView]
}

/// A new share link with the paths that open it.
struct CreatedShareLinkView: Encodable {
    var link: ShareLinkView
    var token: String
    var apiPath: String
}

/// `GET /health`.
struct HealthView: Encodable {
    var status: String
    var database: String
    var packs: Int
}
