import Foundation
import KoersSession

/// Every statement the store runs, with its values in bind order, and the one mapping between
/// each record and its row; both drivers run these (``StoreDialect`` says how the dialects
/// differ).
///
/// A new column is one edit per concept: the schema step in ``StoreMigrations``, the record's
/// column list, its insert values and its row mapping here.
enum StoreStatements {
    // MARK: Constraints (named as in StoreMigrations)

    static let coachKey = StoreConstraint("coaches_pkey", on: "coaches", "id")
    static let coachEmail = StoreConstraint("coaches_email_key_unique", on: "coaches", "email_key")
    static let loginKey = StoreConstraint("logins_pkey", on: "logins", "token_hash")
    static let loginCoach = StoreConstraint("logins_coach_fk", on: "logins", "coach_id")
    static let organisationKey = StoreConstraint("organisations_pkey", on: "organisations", "id")
    static let membershipCoach = StoreConstraint(
        "organisation_coaches_coach_fk",
        on: "organisation_coaches",
        "coach_id"
    )
    static let membershipOrganisation = StoreConstraint(
        "organisation_coaches_organisation_fk",
        on: "organisation_coaches",
        "organisation_id"
    )
    static let sessionKey = StoreConstraint("interview_sessions_pkey", on: "interview_sessions", "id")
    static let sessionResumeToken = StoreConstraint(
        "interview_sessions_resume_token_unique",
        on: "interview_sessions",
        "resume_token_hash"
    )
    static let sessionOrganisation = StoreConstraint(
        "interview_sessions_organisation_fk",
        on: "interview_sessions",
        "organisation_id"
    )
    static let shareLinkKey = StoreConstraint("share_links_pkey", on: "share_links", "id")
    static let shareLinkToken = StoreConstraint("share_links_token_unique", on: "share_links", "token_hash")
    static let shareLinkOrganisation = StoreConstraint(
        "share_links_organisation_fk",
        on: "share_links",
        "organisation_id"
    )
    static let shareLinkCoach = StoreConstraint("share_links_coach_fk", on: "share_links", "created_by_coach_id")

    static func coach(_ id: String, _ constraint: StoreConstraint) -> StoreReference {
        StoreReference(constraint: constraint, table: "coaches", id: id, description: "coach '\(id)'")
    }

    static func organisation(_ id: String, _ constraint: StoreConstraint) -> StoreReference {
        StoreReference(constraint: constraint, table: "organisations", id: id, description: "organisation '\(id)'")
    }

    // MARK: Schema ledger

    static let recordedMigrations = StoreStatement("SELECT position, name FROM koers_migrations")

    static func recordMigration(position: Int, name: String) -> StoreStatement {
        StoreStatement(
            "INSERT INTO koers_migrations (position, name, applied_at) VALUES (?, ?, ?)",
            [.integer(position), .text(name), .text(StoreTime.text(Date()))]
        )
    }

    static let ping = StoreStatement("SELECT 1 AS one")

    /// Whether a row with an id exists (to name the missing record of a SQLite FOREIGN KEY
    /// failure, after the database refused the write).
    static func exists(_ reference: StoreReference) -> StoreStatement {
        StoreStatement("SELECT 1 AS one FROM \(reference.table) WHERE id = ?", [.text(reference.id)])
    }

    // MARK: Coaches

    static let coachColumns = "id, email, display_name, password_hash, created_at"

    static func insert(_ coach: CoachAccount) -> StoreWrite {
        StoreWrite(
            what: "adding coach '\(coach.email)'",
            statements: [
                StoreStatement(
                    "INSERT INTO coaches (\(coachColumns), email_key) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        .text(coach.id), .text(coach.email), .text(coach.displayName), .text(coach.passwordHash),
                        .text(StoreTime.text(coach.createdAt)), .text(emailKey(coach.email)),
                    ]
                )
            ],
            duplicates: [
                (coachEmail, "a coach account with e-mail address '\(coach.email)'"),
                (coachKey, "a coach account with id '\(coach.id)'"),
            ]
        )
    }

    static func coach(email: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(coachColumns) FROM coaches WHERE email_key = ?",
            [.text(emailKey(email))],
            table: "coaches"
        )
    }

    static func coach(id: String) -> StoreStatement {
        StoreStatement("SELECT \(coachColumns) FROM coaches WHERE id = ?", [.text(id)], table: "coaches")
    }

    static let coachCount = StoreStatement("SELECT COUNT(*) AS count FROM coaches")

    static func coach(_ row: StoreRow) throws(StoreError) -> CoachAccount {
        CoachAccount(
            id: try row.text("id"),
            email: try row.text("email"),
            displayName: try row.text("display_name"),
            passwordHash: try row.text("password_hash"),
            createdAt: try row.time("created_at")
        )
    }

    /// The key an e-mail address is looked up by: trimmed and lowercased.
    static func emailKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    // MARK: Logins

    static let loginColumns = "token_hash, coach_id, csrf_token, created_at, expires_at"

    static func insert(_ login: LoginRecord) -> StoreWrite {
        StoreWrite(
            what: "saving a login",
            statements: [
                StoreStatement(
                    "INSERT INTO logins (\(loginColumns)) VALUES (?, ?, ?, ?, ?)",
                    [
                        .text(login.tokenHash), .text(login.coachID), .text(login.csrfToken),
                        .text(StoreTime.text(login.createdAt)), .text(StoreTime.text(login.expiresAt)),
                    ]
                )
            ],
            duplicates: [(loginKey, "a login with this token")],
            references: [coach(login.coachID, loginCoach)]
        )
    }

    static func login(tokenHash: String) -> StoreStatement {
        StoreStatement("SELECT \(loginColumns) FROM logins WHERE token_hash = ?", [.text(tokenHash)], table: "logins")
    }

    static func deleteLogin(tokenHash: String) -> StoreWrite {
        StoreWrite(
            what: "removing a login",
            statements: [StoreStatement("DELETE FROM logins WHERE token_hash = ?", [.text(tokenHash)])]
        )
    }

    static func login(_ row: StoreRow) throws(StoreError) -> LoginRecord {
        LoginRecord(
            tokenHash: try row.text("token_hash"),
            coachID: try row.text("coach_id"),
            csrfToken: try row.text("csrf_token"),
            createdAt: try row.time("created_at"),
            expiresAt: try row.time("expires_at")
        )
    }

    // MARK: Organisations

    static let organisationColumns = "id, name, created_at"

    static func insert(_ organisation: OrganisationRecord, firstCoachID: String) -> StoreWrite {
        StoreWrite(
            what: "adding organisation '\(organisation.name)'",
            statements: [
                StoreStatement(
                    "INSERT INTO organisations (\(organisationColumns)) VALUES (?, ?, ?)",
                    [.text(organisation.id), .text(organisation.name), .text(StoreTime.text(organisation.createdAt))]
                ),
                membership(coachID: firstCoachID, organisationID: organisation.id),
            ],
            duplicates: [(organisationKey, "an organisation with id '\(organisation.id)'")],
            references: [coach(firstCoachID, membershipCoach)]
        )
    }

    static func addCoach(id coachID: String, toOrganisation organisationID: String) -> StoreWrite {
        StoreWrite(
            what: "adding a coach to an organisation",
            statements: [membership(coachID: coachID, organisationID: organisationID)],
            references: [
                coach(coachID, membershipCoach), organisation(organisationID, membershipOrganisation),
            ]
        )
    }

    private static func membership(coachID: String, organisationID: String) -> StoreStatement {
        StoreStatement(
            "INSERT INTO organisation_coaches (organisation_id, coach_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [.text(organisationID), .text(coachID)]
        )
    }

    static func organisation(id: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(organisationColumns) FROM organisations WHERE id = ?",
            [.text(id)],
            table: "organisations"
        )
    }

    static func organisations(ofCoach coachID: String) -> StoreStatement {
        StoreStatement(
            """
            SELECT o.id, o.name, o.created_at FROM organisations o
            JOIN organisation_coaches m ON m.organisation_id = o.id
            WHERE m.coach_id = ? ORDER BY o.name COLLATE BINARY, o.id
            """,
            [.text(coachID)],
            table: "organisations"
        )
    }

    static func isCoach(_ coachID: String, ofOrganisation organisationID: String) -> StoreStatement {
        StoreStatement(
            "SELECT 1 AS one FROM organisation_coaches WHERE coach_id = ? AND organisation_id = ?",
            [.text(coachID), .text(organisationID)]
        )
    }

    static func organisation(_ row: StoreRow) throws(StoreError) -> OrganisationRecord {
        OrganisationRecord(id: try row.text("id"), name: try row.text("name"), createdAt: try row.time("created_at"))
    }

    // MARK: Interview sessions

    static let sessionColumns =
        "id, organisation_id, label, pack_id, resume_token_hash, revision, document, created_at, updated_at"

    static func insert(_ session: InterviewRecord) throws(StoreError) -> StoreWrite {
        StoreWrite(
            what: "adding session '\(session.id)'",
            statements: [
                StoreStatement(
                    "INSERT INTO interview_sessions (\(sessionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        .text(session.id), .optional(session.organisationID), .text(session.label),
                        .text(session.packID), .optional(session.resumeTokenHash), .integer(session.revision),
                        .text(try documentText(session.document, sessionID: session.id)),
                        .text(StoreTime.text(session.createdAt)), .text(StoreTime.text(session.updatedAt)),
                    ]
                )
            ],
            duplicates: [
                (sessionKey, "a session with id '\(session.id)'"),
                (sessionResumeToken, "a session with this resume token"),
            ],
            references: session.organisationID.map { [organisation($0, sessionOrganisation)] } ?? []
        )
    }

    static func session(id: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(sessionColumns) FROM interview_sessions WHERE id = ?",
            [.text(id)],
            table: "interview_sessions"
        )
    }

    static func session(resumeTokenHash: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(sessionColumns) FROM interview_sessions WHERE resume_token_hash = ?",
            [.text(resumeTokenHash)],
            table: "interview_sessions"
        )
    }

    static func sessions(ofOrganisation organisationID: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(sessionColumns) FROM interview_sessions WHERE organisation_id = ? ORDER BY created_at, id",
            [.text(organisationID)],
            table: "interview_sessions"
        )
    }

    /// Saves a document if the revision is still the expected one, returning the row as saved
    /// (no row: someone else saved in between, or there is no such session).
    static func updateSession(id: String, expectedRevision: Int, document: SessionFile) throws(StoreError)
        -> StoreWrite
    {
        StoreWrite(
            what: "saving session '\(id)'",
            statements: [
                StoreStatement(
                    """
                    UPDATE interview_sessions SET document = ?, revision = revision + 1, updated_at = ?
                    WHERE id = ? AND revision = ?
                    RETURNING \(sessionColumns)
                    """,
                    [
                        .text(try documentText(document, sessionID: id)), .text(StoreTime.text(Date())), .text(id),
                        .integer(expectedRevision),
                    ],
                    table: "interview_sessions"
                )
            ]
        )
    }

    static func sessionRevision(id: String) -> StoreStatement {
        StoreStatement("SELECT revision FROM interview_sessions WHERE id = ?", [.text(id)])
    }

    static func session(_ row: StoreRow) throws(StoreError) -> InterviewRecord {
        let id = try row.text("id")
        return InterviewRecord(
            id: id,
            organisationID: try row.optionalText("organisation_id"),
            label: try row.text("label"),
            packID: try row.text("pack_id"),
            resumeTokenHash: try row.optionalText("resume_token_hash"),
            revision: try row.integer("revision"),
            document: try document(row.text("document"), sessionID: id),
            createdAt: try row.time("created_at"),
            updatedAt: try row.time("updated_at")
        )
    }

    /// A session document as the CLI writes it to a file: `koers-session/1` JSON.
    private static func documentText(_ document: SessionFile, sessionID: String) throws(StoreError) -> String {
        do {
            return String(decoding: try SessionStore.encode(document, path: "session \(sessionID)"), as: UTF8.self)
        } catch {
            throw .corrupt("cannot encode the document of session '\(sessionID)': \(error)")
        }
    }

    private static func document(_ text: String, sessionID: String) throws(StoreError) -> SessionFile {
        do {
            return try SessionStore.decode(Data(text.utf8), path: "session \(sessionID)")
        } catch {
            throw .corrupt("the stored document of session '\(sessionID)' cannot be read: \(error)")
        }
    }

    // MARK: Share links

    static let shareLinkColumns =
        "id, token_hash, organisation_id, session_ids, created_by_coach_id, created_at, expires_at, revoked_at"

    static func insert(_ link: ShareLinkRecord) -> StoreWrite {
        StoreWrite(
            what: "adding a share link",
            statements: [
                StoreStatement(
                    "INSERT INTO share_links (\(shareLinkColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        .text(link.id), .text(link.tokenHash), .text(link.organisationID),
                        .text(sessionIDsText(link.sessionIDs)), .text(link.createdByCoachID),
                        .text(StoreTime.text(link.createdAt)), .optional(link.expiresAt.map(StoreTime.text)),
                        .optional(link.revokedAt.map(StoreTime.text)),
                    ]
                )
            ],
            duplicates: [
                (shareLinkKey, "a share link with id '\(link.id)'"),
                (shareLinkToken, "a share link with this token"),
            ],
            references: [
                organisation(link.organisationID, shareLinkOrganisation), coach(link.createdByCoachID, shareLinkCoach),
            ]
        )
    }

    static func shareLink(tokenHash: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(shareLinkColumns) FROM share_links WHERE token_hash = ?",
            [.text(tokenHash)],
            table: "share_links"
        )
    }

    static func shareLink(id: String) -> StoreStatement {
        StoreStatement("SELECT \(shareLinkColumns) FROM share_links WHERE id = ?", [.text(id)], table: "share_links")
    }

    static func shareLinks(ofOrganisation organisationID: String) -> StoreStatement {
        StoreStatement(
            "SELECT \(shareLinkColumns) FROM share_links WHERE organisation_id = ? ORDER BY created_at, id",
            [.text(organisationID)],
            table: "share_links"
        )
    }

    /// Revokes a link, keeping an earlier revocation time; returns its id (no row: no such link).
    static func revokeShareLink(id: String, at time: Date) -> StoreWrite {
        StoreWrite(
            what: "revoking share link '\(id)'",
            statements: [
                StoreStatement(
                    "UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING id",
                    [.text(StoreTime.text(time)), .text(id)]
                )
            ]
        )
    }

    static func shareLink(_ row: StoreRow) throws(StoreError) -> ShareLinkRecord {
        let id = try row.text("id")
        return ShareLinkRecord(
            id: id,
            tokenHash: try row.text("token_hash"),
            organisationID: try row.text("organisation_id"),
            sessionIDs: try sessionIDs(row.text("session_ids"), linkID: id),
            createdByCoachID: try row.text("created_by_coach_id"),
            createdAt: try row.time("created_at"),
            expiresAt: try row.optionalTime("expires_at"),
            revokedAt: try row.optionalTime("revoked_at")
        )
    }

    private static func sessionIDsText(_ ids: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(ids)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func sessionIDs(_ text: String, linkID: String) throws(StoreError) -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(text.utf8))
        } catch {
            throw .corrupt("share link '\(linkID)' has session ids '\(text)', not a JSON array of strings")
        }
    }
}
