public import Foundation
public import KoersStorage

/// A share link as its coaches see it (the token is shown only when the link is made).
public struct ShareLinkView: Sendable, Hashable, Codable {
    /// The id.
    public var id: String
    /// The organisation.
    public var organisationId: String
    /// The sessions it shows: one, or baseline then follow-up.
    public var sessionIds: [String]
    /// When it was made.
    public var createdAt: Date
    /// When it stops working, or `nil` for never.
    public var expiresAt: Date?
    /// When it was revoked, or `nil`.
    public var revokedAt: Date?
    /// Whether it works now: not revoked and not expired.
    public var active: Bool

    /// Describes a link.
    ///
    /// - Parameters:
    ///   - record: The stored link.
    ///   - now: The time now.
    public init(_ record: ShareLinkRecord, now: Date) {
        id = record.id
        organisationId = record.organisationID
        sessionIds = record.sessionIDs
        createdAt = record.createdAt
        expiresAt = record.expiresAt
        revokedAt = record.revokedAt
        active = record.revokedAt == nil && (record.expiresAt.map { $0 > now } ?? true)
    }
}

/// A share link that was just made, with its token (shown only this once).
public struct CreatedShareLink: Sendable, Hashable, Codable {
    /// The link.
    public var link: ShareLinkView
    /// The token: `GET /api/v1/shared/{token}` gives the report.
    public var token: String
}

/// Read-only links to the report of one session, or of a baseline and follow-up compared:
/// made and revoked by a coach of the organisation; the token (256 random bits) is stored only
/// as its SHA-256. An unknown, revoked or expired token gets the same "not found".
public struct ShareLinkService: Sendable {
    let store: any KoersStore
    let sessions: SessionService
    let organisations: OrganisationService
    let reports: ReportService
    let settings: ServiceSettings

    /// Makes a share link.
    ///
    /// - Parameters:
    ///   - sessionIDs: One session, or baseline then follow-up of the same pack and organisation.
    ///   - expiresAt: When it stops working, in the future; `nil` for never.
    ///   - access: A coach of the sessions' organisation.
    /// - Returns: The link and its token.
    public func create(sessionIDs: [String], expiresAt: Date?, access: Access) async throws(ServiceError)
        -> CreatedShareLink
    {
        let coach = try OrganisationService.requireCoach(access)
        var records: [InterviewRecord] = []
        for id in sessionIDs { records.append(try await sessions.authorizedRecord(id: id, access: access)) }
        try access.requireWriter()
        try ReportService.checkComparable(records)
        let now = settings.now()
        if let expiresAt, expiresAt <= now {
            throw .invalid(
                "the share link would be expired already",
                [
                    FieldProblem(
                        field: "expiresAt",
                        message: "give a time in the future, or leave it out for a link that does not expire",
                        dutch: "Kies een datum in de toekomst, of laat het veld leeg voor een link die niet verloopt."
                    )
                ]
            )
        }
        guard let organisationID = records.first?.organisationID else {
            throw .notFound("there is no session '\(sessionIDs.first ?? "")' that you may see")
        }
        let token = Tokens.generate()
        let record = ShareLinkRecord(
            id: Tokens.newID(),
            tokenHash: Tokens.hash(token),
            organisationID: organisationID,
            sessionIDs: records.map(\.id),
            createdByCoachID: coach.id,
            createdAt: now,
            expiresAt: expiresAt,
            revokedAt: nil
        )
        do {
            try await store.createShareLink(record)
        } catch {
            throw ServiceError(error)
        }
        return CreatedShareLink(link: ShareLinkView(record, now: now), token: token)
    }

    /// The share links of an organisation, oldest first.
    ///
    /// - Parameters:
    ///   - organisationID: The organisation.
    ///   - access: One of its coaches.
    /// - Returns: The links.
    public func list(organisationID: String, access: Access) async throws(ServiceError) -> [ShareLinkView] {
        let organisation = try await organisations.authorized(id: organisationID, access: access)
        let now = settings.now()
        do {
            return try await store.shareLinks(ofOrganisation: organisation.id).map { ShareLinkView($0, now: now) }
        } catch {
            throw ServiceError(error)
        }
    }

    /// Revokes a share link; revoking it again changes nothing.
    ///
    /// - Parameters:
    ///   - id: The link.
    ///   - access: A coach of its organisation.
    /// - Returns: The link as it is now.
    public func revoke(id: String, access: Access) async throws(ServiceError) -> ShareLinkView {
        let link = try await authorizedLink(id: id, access: access)
        try access.requireWriter()
        let now = settings.now()
        do {
            try await store.revokeShareLink(id: link.id, at: now)
            let revoked = try await store.shareLink(id: link.id) ?? link
            return ShareLinkView(revoked, now: now)
        } catch {
            throw ServiceError(error)
        }
    }

    /// The report a share link shows.
    ///
    /// - Parameters:
    ///   - token: The link's token.
    ///   - format: The format.
    ///   - language: `nl` or `en`.
    /// - Returns: The report.
    /// - Throws: ``ServiceError/notFound(_:)`` for an unknown, revoked or expired token.
    public func report(token: String, format: ReportFormatID, language: String) async throws(ServiceError)
        -> RenderedReport
    {
        let language = try SessionService.language(language)
        let link = try await resolve(token: token)
        var records: [InterviewRecord] = []
        do throws(StoreError) {
            for id in link.sessionIDs {
                guard let record = try await store.session(id: id), record.organisationID == link.organisationID else {
                    throw StoreError.notFound("session")
                }
                records.append(record)
            }
        } catch .notFound {
            throw Self.linkNotFound
        } catch {
            throw ServiceError(error)
        }
        return try await reports.render(records, format: format, language: language)
    }

    /// The link a token opens, when it works.
    ///
    /// - Parameter token: The token.
    /// - Returns: The link.
    /// - Throws: ``ServiceError/notFound(_:)`` for an unknown, revoked or expired token (the
    ///   same answer for all three).
    public func resolve(token: String) async throws(ServiceError) -> ShareLinkRecord {
        let link: ShareLinkRecord?
        do {
            link = try await store.shareLink(tokenHash: Tokens.hash(token))
        } catch {
            throw ServiceError(error)
        }
        guard let link, link.revokedAt == nil, link.expiresAt.map({ $0 > settings.now() }) ?? true else {
            throw Self.linkNotFound
        }
        return link
    }

    private func authorizedLink(id: String, access: Access) async throws(ServiceError) -> ShareLinkRecord {
        let coach = try OrganisationService.requireCoach(access)
        let notFound = ServiceError.notFound("there is no share link '\(SessionService.shown(id))' that you may see")
        let link: ShareLinkRecord?
        let coaches: Bool
        do {
            link = try await store.shareLink(id: id)
            if let link {
                coaches = try await store.isCoach(coach.id, ofOrganisation: link.organisationID)
            } else {
                coaches = false
            }
        } catch {
            throw ServiceError(error)
        }
        guard let link, coaches else { throw notFound }
        return link
    }

    static let linkNotFound = ServiceError.notFound("this share link does not exist, has expired or was revoked")
}
