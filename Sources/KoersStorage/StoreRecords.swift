public import Foundation
public import KoersSession

/// A coach's account.
public struct CoachAccount: Sendable, Hashable {
    /// The id (UUID text).
    public var id: String
    /// The e-mail address, as typed; looked up case-insensitively.
    public var email: String
    /// The name shown in the application.
    public var displayName: String
    /// The password hash (bcrypt, made by the server).
    public var passwordHash: String
    /// When the account was made.
    public var createdAt: Date
    /// What the account may do (``AccountRole``).
    public var role: AccountRole
    /// When an administrator deactivated the account, or `nil` while it is active; a
    /// deactivated account cannot log in.
    public var deactivatedAt: Date?

    /// Creates an account record.
    public init(
        id: String,
        email: String,
        displayName: String,
        passwordHash: String,
        createdAt: Date,
        role: AccountRole = .coach,
        deactivatedAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.role = role
        self.deactivatedAt = deactivatedAt
    }

    /// Whether the account may log in.
    public var isActive: Bool { deactivatedAt == nil }
}

/// What an account may do in the web application.
///
/// The role is the account's, not a membership's: an organisation is seen by the accounts
/// that are its members (``KoersStore/addCoach(id:toOrganisation:)``), each with the rights of
/// its role there.
public enum AccountRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Manages accounts (add, deactivate, reset passwords, assign to organisations) and works
    /// as a coach in the organisations they are a member of.
    case administrator
    /// Works in the organisations they are a member of: sessions, answers, overrides, reports,
    /// share links, export, import and deletion; cannot manage accounts.
    case coach
    /// Reads the organisations they are a member of (sessions, results, reports, comparisons,
    /// exports) and changes nothing, such as an insurer's reviewer.
    case reviewer

    /// Whether the role may change an organisation's data.
    public var canWrite: Bool { self != .reviewer }

    /// Whether the role may manage accounts.
    public var canManageAccounts: Bool { self == .administrator }
}

/// A login session: a browser cookie or an API bearer token of a coach.
public struct LoginRecord: Sendable, Hashable {
    /// The hex SHA-256 of the token (the server hashes; the token itself is never stored).
    public var tokenHash: String
    /// The coach logged in.
    public var coachID: String
    /// The CSRF token for forms of this login.
    public var csrfToken: String
    /// When the login was made.
    public var createdAt: Date
    /// When it stops being valid.
    public var expiresAt: Date

    /// Creates a login record.
    public init(tokenHash: String, coachID: String, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.coachID = coachID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

/// An organisation whose projects coaches follow.
public struct OrganisationRecord: Sendable, Hashable {
    /// The id (UUID text).
    public var id: String
    /// The name.
    public var name: String
    /// When it was added.
    public var createdAt: Date

    /// Creates an organisation record.
    public init(id: String, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

/// An interview session: the `koers-session/1` document plus what the web application keeps
/// beside it.
public struct InterviewRecord: Sendable, Hashable {
    /// The id (UUID text).
    public var id: String
    /// The organisation, or `nil` for an anonymous session.
    public var organisationID: String?
    /// A label such as `0-meting` (baseline) or `1-meting` (follow-up).
    public var label: String
    /// The pack the session is for.
    public var packID: String
    /// The hex SHA-256 of the token that resumes the session, if it has one.
    public var resumeTokenHash: String?
    /// The revision, 1 when created and one more at every update.
    public var revision: Int
    /// The session document.
    public var document: SessionFile
    /// When the record was made.
    public var createdAt: Date
    /// When it was last updated.
    public var updatedAt: Date

    /// Creates an interview record.
    public init(
        id: String,
        organisationID: String?,
        label: String,
        packID: String,
        resumeTokenHash: String?,
        revision: Int,
        document: SessionFile,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.organisationID = organisationID
        self.label = label
        self.packID = packID
        self.resumeTokenHash = resumeTokenHash
        self.revision = revision
        self.document = document
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// A read-only link to one session's report, or to a baseline and follow-up compared.
public struct ShareLinkRecord: Sendable, Hashable {
    /// The id (UUID text).
    public var id: String
    /// The hex SHA-256 of the link's token.
    public var tokenHash: String
    /// The organisation the sessions belong to.
    public var organisationID: String
    /// The sessions shown: one, or baseline then follow-up.
    public var sessionIDs: [String]
    /// The coach who made the link.
    public var createdByCoachID: String
    /// When it was made.
    public var createdAt: Date
    /// When it stops working, or `nil` for never.
    public var expiresAt: Date?
    /// When it was revoked, or `nil`.
    public var revokedAt: Date?

    /// Creates a share link record.
    public init(
        id: String,
        tokenHash: String,
        organisationID: String,
        sessionIDs: [String],
        createdByCoachID: String,
        createdAt: Date,
        expiresAt: Date?,
        revokedAt: Date?
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.organisationID = organisationID
        self.sessionIDs = sessionIDs
        self.createdByCoachID = createdByCoachID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }
}
