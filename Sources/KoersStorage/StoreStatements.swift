import Foundation
import KoersSession

/// Every statement the store runs, with its values in bind order, and the one mapping between
/// each record and its row; both drivers run these (``StoreDialect`` says how the dialects
/// differ).
///
/// A new column is one edit per concept: its schema step in ``StoreMigrations``, its value in
/// the record's insert (column and value side by side) and its line in the record's row
/// mapping here. Records are read with `SELECT *` and by column name.
enum StoreStatements {
    // MARK: Constraints (named as in StoreMigrations)

    static let coachKey = StoreConstraint("coaches_pkey", on: "coaches", "id")
    static let coachEmail = StoreConstraint("coaches_email_key_unique", on: "coaches", "email_key")
    static let loginKey = StoreConstraint("logins_pkey", on: "logins", "token_hash")
    static let loginCoach = StoreConstraint("logins_coach_fk", on: "logins", "coach_id")
    static let organisationKey = StoreConstraint("organisations_pkey", on: "organisations", "id")
    static let memberCoach = StoreConstraint("organisation_coaches_coach_fk", on: "organisation_coaches", "coach_id")
    static let memberOrganisation = StoreConstraint(
        "organisation_coaches_organisation_fk",
        on: "organisation_coaches",
        "organisation_id"
    )
    static let sessionKey = StoreConstraint("interview_sessions_pkey", on: "interview_sessions", "id")
    static let sessionToken = StoreConstraint(
        "interview_sessions_resume_token_unique",
        on: "interview_sessions",
        "resume_token_hash"
    )
    static let sessionOrganisation = StoreConstraint(
        "interview_sessions_organisation_fk",
        on: "interview_sessions",
        "organisation_id"
    )
    static let linkKey = StoreConstraint("share_links_pkey", on: "share_links", "id")
    static let linkToken = StoreConstraint("share_links_token_unique", on: "share_links", "token_hash")
    static let linkOrganisation = StoreConstraint("share_links_organisation_fk", on: "share_links", "organisation_id")
    static let linkCoach = StoreConstraint("share_links_coach_fk", on: "share_links", "created_by_coach_id")

    static func coach(_ id: String, _ constraint: StoreConstraint) -> StoreReference {
        StoreReference(constraint: constraint, table: "coaches", id: id, description: "coach '\(id)'")
    }

    static func organisation(_ id: String, _ constraint: StoreConstraint) -> StoreReference {
        StoreReference(constraint: constraint, table: "organisations", id: id, description: "organisation '\(id)'")
    }

    // MARK: Building blocks

    /// An INSERT of one row, its columns and values side by side, so that the column list, the
    /// placeholders and the bind order cannot drift apart.
    static func insert(
        into table: String,
        _ values: KeyValuePairs<String, StoreValue>,
        then clause: String = ""
    ) -> StoreStatement {
        let columns = values.map(\.key).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        return StoreStatement(
            "INSERT INTO \(table) (\(columns)) VALUES (\(placeholders))\(clause)",
            values.map(\.value)
        )
    }

    /// The rows of a table where one column has a value (its records, read by name).
    static func select(_ table: String, where column: String, _ value: String, then clause: String = "")
        -> StoreStatement
    {
        StoreStatement("SELECT * FROM \(table) WHERE \(column) = ?\(clause)", [.text(value)], table: table)
    }

    // MARK: Schema ledger

    static let recordedMigrations = StoreStatement("SELECT position, name FROM koers_migrations")

    static func recordMigration(position: Int, name: String) -> StoreStatement {
        insert(
            into: "koers_migrations",
            ["position": .integer(position), "name": .text(name), "applied_at": .time(Date())]
        )
    }

    static let ping = StoreStatement("SELECT 1 AS one")

    /// Whether a row with an id exists (to name the missing record of a SQLite FOREIGN KEY
    /// failure, after the database refused the write).
    static func exists(_ reference: StoreReference) -> StoreStatement {
        StoreStatement("SELECT 1 AS one FROM \(reference.table) WHERE id = ?", [.text(reference.id)])
    }

    // MARK: Coaches

    static func insert(_ coach: CoachAccount) -> StoreWrite {
        let row = insert(
            into: "coaches",
            [
                "id": .text(coach.id), "email": .text(coach.email), "email_key": .text(emailKey(coach.email)),
                "display_name": .text(coach.displayName), "password_hash": .text(coach.passwordHash),
                "created_at": .time(coach.createdAt), "role": .text(coach.role.rawValue),
                "deactivated_at": .time(coach.deactivatedAt),
            ]
        )
        return StoreWrite(
            what: "adding coach '\(coach.email)'",
            statements: [row],
            duplicates: [
                (coachEmail, "a coach account with e-mail address '\(coach.email)'"),
                (coachKey, "a coach account with id '\(coach.id)'"),
            ]
        )
    }

    static func coach(email: String) -> StoreStatement { select("coaches", where: "email_key", emailKey(email)) }

    static func coach(id: String) -> StoreStatement { select("coaches", where: "id", id) }

    static let coachCount = StoreStatement("SELECT COUNT(*) AS count FROM coaches")

    static func coach(_ row: StoreRow) throws(StoreError) -> CoachAccount {
        CoachAccount(
            id: try row.text("id"),
            email: try row.text("email"),
            displayName: try row.text("display_name"),
            passwordHash: try row.text("password_hash"),
            createdAt: try row.time("created_at"),
            role: try accountRole(row.text("role")),
            deactivatedAt: try row.optionalTime("deactivated_at")
        )
    }

    /// The key an e-mail address is looked up by: trimmed and lowercased.
    static func emailKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    // MARK: Logins

    static func insert(_ login: LoginRecord) -> StoreWrite {
        let row = insert(
            into: "logins",
            [
                "token_hash": .text(login.tokenHash), "coach_id": .text(login.coachID),
                "csrf_token": .text(login.csrfToken), "created_at": .time(login.createdAt),
                "expires_at": .time(login.expiresAt),
            ]
        )
        return StoreWrite(
            what: "saving a login",
            statements: [row],
            duplicates: [(loginKey, "a login with this token")],
            references: [coach(login.coachID, loginCoach)]
        )
    }

    static func login(tokenHash: String) -> StoreStatement { select("logins", where: "token_hash", tokenHash) }

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

    static func insert(_ organisation: OrganisationRecord, firstCoachID: String) -> StoreWrite {
        let row = insert(
            into: "organisations",
            [
                "id": .text(organisation.id), "name": .text(organisation.name),
                "created_at": .time(organisation.createdAt),
            ]
        )
        return StoreWrite(
            what: "adding organisation '\(organisation.name)'",
            statements: [row, membership(coachID: firstCoachID, organisationID: organisation.id)],
            duplicates: [(organisationKey, "an organisation with id '\(organisation.id)'")],
            references: [coach(firstCoachID, memberCoach)]
        )
    }

    static func addCoach(id coachID: String, toOrganisation organisationID: String) -> StoreWrite {
        StoreWrite(
            what: "adding a coach to an organisation",
            statements: [membership(coachID: coachID, organisationID: organisationID)],
            references: [coach(coachID, memberCoach), organisation(organisationID, memberOrganisation)]
        )
    }

    private static func membership(coachID: String, organisationID: String) -> StoreStatement {
        insert(
            into: "organisation_coaches",
            ["organisation_id": .text(organisationID), "coach_id": .text(coachID)],
            then: " ON CONFLICT DO NOTHING"
        )
    }

    static func organisation(id: String) -> StoreStatement { select("organisations", where: "id", id) }

    static func organisations(ofCoach coachID: String) -> StoreStatement {
        StoreStatement(
            """
            SELECT o.* FROM organisations o JOIN organisation_coaches m ON m.organisation_id = o.id
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

    static func insert(_ session: InterviewRecord) throws(StoreError) -> StoreWrite {
        let row = insert(
            into: "interview_sessions",
            [
                "id": .text(session.id), "organisation_id": .optional(session.organisationID),
                "label": .text(session.label), "pack_id": .text(session.packID),
                "resume_token_hash": .optional(session.resumeTokenHash), "revision": .integer(session.revision),
                "document": .text(documentText(session.document)),
                "created_at": .time(session.createdAt), "updated_at": .time(session.updatedAt),
            ]
        )
        return StoreWrite(
            what: "adding session '\(session.id)'",
            statements: [row],
            duplicates: [
                (sessionKey, "a session with id '\(session.id)'"),
                (sessionToken, "a session with this resume token"),
            ],
            references: session.organisationID.map { [organisation($0, sessionOrganisation)] } ?? []
        )
    }

    static func session(id: String) -> StoreStatement { select("interview_sessions", where: "id", id) }

    /// The columns of a session row but its document.
    static let sessionMetadataColumns =
        "id, organisation_id, label, pack_id, resume_token_hash, revision, created_at, updated_at"

    /// A session by id, whose document column is `NULL` when the row is still the version
    /// `known` names (same revision and times): the caller holds that document already, and
    /// neither database needs to send it nor the store to decode it again.
    static func session(id: String, unlessStill known: SessionVersion) -> StoreStatement {
        StoreStatement(
            """
            SELECT \(sessionMetadataColumns),
            CASE WHEN revision = ? AND created_at = ? AND updated_at = ? THEN NULL ELSE document END AS document
            FROM interview_sessions WHERE id = ?
            """,
            [.integer(known.revision), .text(known.createdAt), .text(known.updatedAt), .text(id)],
            table: "interview_sessions"
        )
    }

    static func session(resumeTokenHash: String) -> StoreStatement {
        select("interview_sessions", where: "resume_token_hash", resumeTokenHash)
    }

    static func sessions(ofOrganisation organisationID: String) -> StoreStatement {
        select("interview_sessions", where: "organisation_id", organisationID, then: " ORDER BY created_at, id")
    }

    static func deleteAnonymousSessions(untouchedSince cutoff: Date) -> StoreWrite {
        StoreWrite(
            what: "removing expired anonymous sessions",
            statements: [
                StoreStatement(
                    "DELETE FROM interview_sessions WHERE organisation_id IS NULL AND updated_at < ? RETURNING id",
                    [.time(cutoff)]
                )
            ]
        )
    }

    /// Saves a document if the revision is still the expected one (and with `version`, the row
    /// still exactly that version), returning the row as saved but its document, which the
    /// caller holds (no row: someone else saved in between, or there is no such session).
    static func updateSession(
        id: String,
        expectedRevision: Int,
        document: SessionFile,
        version: SessionVersion? = nil
    ) throws(StoreError) -> StoreWrite {
        let condition = sessionCondition(id: id, expectedRevision: expectedRevision, version: version)
        let update = StoreStatement(
            """
            UPDATE interview_sessions SET document = ?, revision = revision + 1, updated_at = ?
            WHERE \(condition.sql) RETURNING \(sessionMetadataColumns)
            """,
            [.text(documentText(document)), .time(Date())] + condition.binds,
            table: "interview_sessions"
        )
        return StoreWrite(what: "saving session '\(id)'", statements: [update])
    }

    /// The `WHERE` condition of a session row at the expected revision; with `version`, also at
    /// exactly that version's times, so that a row removed and made again under the same id is
    /// not taken for it.
    static func sessionCondition(id: String, expectedRevision: Int, version: SessionVersion?)
        -> (sql: String, binds: [StoreValue])
    {
        guard let version, version.revision == expectedRevision else {
            return ("id = ? AND revision = ?", [.text(id), .integer(expectedRevision)])
        }
        return (
            "id = ? AND revision = ? AND created_at = ? AND updated_at = ?",
            [.text(id), .integer(expectedRevision), .text(version.createdAt), .text(version.updatedAt)]
        )
    }

    static func sessionRevision(id: String) -> StoreStatement {
        StoreStatement("SELECT revision FROM interview_sessions WHERE id = ?", [.text(id)])
    }

    static func session(_ row: StoreRow) throws(StoreError) -> InterviewRecord {
        try session(row, document: document(row.text("document"), sessionID: row.text("id")))
    }

    /// A session from its row's other columns and a document the caller holds (the one it
    /// just wrote, or the one it read at the row's version).
    static func session(_ row: StoreRow, document: SessionFile) throws(StoreError) -> InterviewRecord {
        InterviewRecord(
            id: try row.text("id"),
            organisationID: try row.optionalText("organisation_id"),
            label: try row.text("label"),
            packID: try row.text("pack_id"),
            resumeTokenHash: try row.optionalText("resume_token_hash"),
            revision: try row.integer("revision"),
            document: document,
            createdAt: try row.time("created_at"),
            updatedAt: try row.time("updated_at")
        )
    }

    /// The document of a session row, `nil` where the row holds `NULL` there (see
    /// ``session(id:unlessStill:)``).
    static func optionalDocument(_ row: StoreRow) throws(StoreError) -> SessionFile? {
        guard let text = try row.optionalText("document") else { return nil }
        return try document(text, sessionID: row.text("id"))
    }

    /// A session document as `koers-session/1` JSON, as in the CLI's files but compact, by the
    /// format's own writer (``SessionFile/compactJSON()``): nobody reads the column as a file (a
    /// download encodes the document again), and it is written on every answer.
    private static func documentText(_ document: SessionFile) -> String {
        String(decoding: document.compactJSON(), as: UTF8.self)
    }

    private static func document(_ text: String, sessionID: String) throws(StoreError) -> SessionFile {
        do {
            return try SessionStore.decode(Data(text.utf8), path: "session \(sessionID)")
        } catch {
            throw .corrupt("the stored document of session '\(sessionID)' cannot be read: \(error)")
        }
    }

    // MARK: Share links

    static func insert(_ link: ShareLinkRecord) -> StoreWrite {
        let row = insert(
            into: "share_links",
            [
                "id": .text(link.id), "token_hash": .text(link.tokenHash),
                "organisation_id": .text(link.organisationID),
                "session_ids": .text(sessionIDsText(link.sessionIDs)),
                "created_by_coach_id": .text(link.createdByCoachID),
                "created_at": .time(link.createdAt), "expires_at": .time(link.expiresAt),
                "revoked_at": .time(link.revokedAt),
            ]
        )
        return StoreWrite(
            what: "adding a share link",
            statements: [row],
            duplicates: [(linkKey, "a share link with id '\(link.id)'"), (linkToken, "a share link with this token")],
            references: [organisation(link.organisationID, linkOrganisation), coach(link.createdByCoachID, linkCoach)]
        )
    }

    static func shareLink(tokenHash: String) -> StoreStatement { select("share_links", where: "token_hash", tokenHash) }

    static func shareLink(id: String) -> StoreStatement { select("share_links", where: "id", id) }

    static func shareLinks(ofOrganisation organisationID: String) -> StoreStatement {
        select("share_links", where: "organisation_id", organisationID, then: " ORDER BY created_at, id")
    }

    /// Revokes a link, keeping an earlier revocation time; returns its id (no row: no such link).
    static func revokeShareLink(id: String, at time: Date) -> StoreWrite {
        StoreWrite(
            what: "revoking share link '\(id)'",
            statements: [
                StoreStatement(
                    "UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING id",
                    [.time(time), .text(id)]
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
