public import Foundation
public import KoersSession
public import Logging
import PostgresNIO
import Synchronization

/// The shared store: a PostgreSQL database that several server instances use at once.
///
/// Queries are parameterised; a session update checks the revision in its `WHERE` clause, so of
/// two instances saving the same revision one wins and the other gets
/// ``StoreError/conflict(expected:actual:)``. Each write is one statement or one transaction,
/// committed (PostgreSQL's `synchronous_commit` default: on disk) before the call returns.
///
/// The connection pool works only while ``run()`` runs, in a task that lives as long as the store
/// is used; once that task is cancelled the store answers ``StoreError/unavailable(_:)``.
public final class PostgresStore: KoersStore {
    private let client: PostgresClient
    private let logger: Logger
    private let place: String
    private let running = Mutex(false)
    private let connectionConfiguration: PostgresConnection.Configuration

    /// Connects to the database once to check it and bring its schema up to date, then makes the
    /// pool the store uses.
    ///
    /// - Parameters:
    ///   - url: `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`.
    ///   - logger: Where the store and the pool log.
    /// - Throws: ``StoreError/invalidURL(_:)``, ``StoreError/unavailable(_:)`` naming the host
    ///   (never the password), ``StoreError/corrupt(_:)`` for a schema of a newer Koers.
    public init(url: String, logger: Logger) async throws(StoreError) {
        let parsed = try PostgresURL(parsing: url)
        self.place = parsed.place
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch parsed.tls {
        case .disable:
            tls = .disable
            connectionTLS = .disable
        case .prefer, .require:
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                connectionTLS = parsed.tls == .require ? .require(context) : .prefer(context)
            } catch {
                throw .unavailable("cannot set up TLS for \(parsed.place): \(error); add ?sslmode=disable to the URL")
            }
            tls = parsed.tls == .require ? .require(.makeClientConfiguration()) : .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password,
            database: parsed.database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 10
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)

        var connectionConfiguration = PostgresConnection.Configuration(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password,
            database: parsed.database,
            tls: connectionTLS
        )
        connectionConfiguration.options.connectTimeout = .seconds(10)
        self.connectionConfiguration = connectionConfiguration
        try await Self.migrate(connectionConfiguration, place: parsed.place, logger: logger)
    }

    /// A number of PostgreSQL's advisory locks that only Koers' migrations take.
    private static let migrationLock: Int64 = 0x4B6F_6572_73_01

    private static func migrate(
        _ configuration: PostgresConnection.Configuration,
        place: String,
        logger: Logger
    ) async throws(StoreError) {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw PostgresErrors.storeError(error, what: "connecting", place: place)
        }
        do {
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: StoreMigrations.ledger), logger: logger)
                var recorded: [Int: String] = [:]
                for row in try await connection.query("SELECT position, name FROM koers_migrations", logger: logger)
                    .collect()
                {
                    let (position, name) = try row.decode((Int, String).self)
                    recorded[position] = name
                }
                for (position, migration) in try StoreMigrations.pending(
                    recorded: recorded,
                    known: StoreMigrations.postgres,
                    place: "database \(place)"
                ) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    let now = StoreTime.text(Date())
                    try await connection.query(
                        "INSERT INTO koers_migrations (position, name, applied_at) VALUES (\(position), \(migration.name), \(now))",
                        logger: logger
                    )
                    logger.info("storage: applied schema step \(position) '\(migration.name)' to \(place)")
                }
            }
        } catch {
            try? await connection.close()
            throw PostgresErrors.storeError(error, what: "setting up the schema", place: place)
        }
        try? await connection.close()
    }

    /// Runs the connection pool until the task is cancelled.
    ///
    /// The pool runs once: a second call only waits for its own cancellation.
    public func run() async throws {
        let first = running.withLock { started in
            defer { started = true }
            return !started
        }
        if first {
            await client.run()
        } else {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
    }

    /// Runs `SELECT 1`: through the pool while ``run()`` runs, else on a connection of its own
    /// (the pool would wait for ``run()``).
    public func ping() async throws(StoreError) {
        if running.withLock({ $0 }) {
            _ = try await rows("checking the database", "SELECT 1")
            return
        }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: connectionConfiguration,
                id: 2,
                logger: logger
            )
        } catch {
            throw PostgresErrors.storeError(error, what: "connecting", place: place)
        }
        do {
            _ = try await connection.query("SELECT 1", logger: logger).collect()
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresErrors.storeError(error, what: "checking the database", place: place)
        }
    }

    // MARK: Coaches

    /// Adds a coach account; see ``KoersStore/createCoach(_:)``.
    public func createCoach(_ coach: CoachAccount) async throws(StoreError) {
        let key = StoredColumns.emailKey(coach.email)
        let created = StoredColumns.time(coach.createdAt)
        try await execute(
            "adding coach '\(coach.email)'",
            """
            INSERT INTO coaches (id, email, email_key, display_name, password_hash, created_at)
            VALUES (\(coach.id), \(coach.email), \(key), \(coach.displayName), \(coach.passwordHash), \(created))
            """,
            duplicates: [
                "coaches_email_key_unique": "a coach account with e-mail address '\(coach.email)'",
                "coaches_pkey": "a coach account with id '\(coach.id)'",
            ]
        )
    }

    /// The coach with an e-mail address; see ``KoersStore/coach(email:)``.
    public func coach(email: String) async throws(StoreError) -> CoachAccount? {
        let key = StoredColumns.emailKey(email)
        return try await rows(
            "looking up a coach",
            "SELECT id, email, display_name, password_hash, created_at FROM coaches WHERE email_key = \(key)"
        ).first.map(Self.coach)
    }

    /// The coach with an id; see ``KoersStore/coach(id:)``.
    public func coach(id: String) async throws(StoreError) -> CoachAccount? {
        try await rows(
            "looking up a coach",
            "SELECT id, email, display_name, password_hash, created_at FROM coaches WHERE id = \(id)"
        ).first.map(Self.coach)
    }

    /// The number of coaches.
    public func coachCount() async throws(StoreError) -> Int {
        try await rows("counting coaches", "SELECT COUNT(*) FROM coaches").first.map { row throws(StoreError) in
            try Self.decoding { try row.decode(Int.self) }
        } ?? 0
    }

    // MARK: Logins

    /// Saves a login; see ``KoersStore/createLogin(_:)``.
    public func createLogin(_ login: LoginRecord) async throws(StoreError) {
        let created = StoredColumns.time(login.createdAt)
        let expires = StoredColumns.time(login.expiresAt)
        try await execute(
            "saving a login",
            """
            INSERT INTO logins (token_hash, coach_id, csrf_token, created_at, expires_at)
            VALUES (\(login.tokenHash), \(login.coachID), \(login.csrfToken), \(created), \(expires))
            """,
            duplicates: ["logins_pkey": "a login with this token"],
            references: ["logins_coach_fk": "coach '\(login.coachID)'"]
        )
    }

    /// The login with a token hash; see ``KoersStore/login(tokenHash:)``.
    public func login(tokenHash: String) async throws(StoreError) -> LoginRecord? {
        try await rows(
            "looking up a login",
            """
            SELECT token_hash, coach_id, csrf_token, created_at, expires_at FROM logins
            WHERE token_hash = \(tokenHash)
            """
        ).first.map { row throws(StoreError) in
            let (hash, coachID, csrf, created, expires) = try Self.decoding {
                try row.decode((String, String, String, String, String).self)
            }
            return LoginRecord(
                tokenHash: hash,
                coachID: coachID,
                csrfToken: csrf,
                createdAt: try StoredColumns.date(created, "logins.created_at"),
                expiresAt: try StoredColumns.date(expires, "logins.expires_at")
            )
        }
    }

    /// Removes a login.
    public func deleteLogin(tokenHash: String) async throws(StoreError) {
        try await execute("removing a login", "DELETE FROM logins WHERE token_hash = \(tokenHash)")
    }

    // MARK: Organisations

    /// Adds an organisation with its first coach; see
    /// ``KoersStore/createOrganisation(_:firstCoachID:)``.
    public func createOrganisation(_ organisation: OrganisationRecord, firstCoachID: String) async throws(StoreError) {
        let created = StoredColumns.time(organisation.createdAt)
        try await transaction(
            "adding organisation '\(organisation.name)'",
            duplicates: ["organisations_pkey": "an organisation with id '\(organisation.id)'"],
            references: ["organisation_coaches_coach_fk": "coach '\(firstCoachID)'"]
        ) { connection, logger in
            try await connection.query(
                """
                INSERT INTO organisations (id, name, created_at)
                VALUES (\(organisation.id), \(organisation.name), \(created))
                """,
                logger: logger
            )
            try await connection.query(
                """
                INSERT INTO organisation_coaches (organisation_id, coach_id)
                VALUES (\(organisation.id), \(firstCoachID))
                """,
                logger: logger
            )
        }
    }

    /// Makes a coach one of an organisation's coaches.
    public func addCoach(id coachID: String, toOrganisation organisationID: String) async throws(StoreError) {
        try await execute(
            "adding a coach to an organisation",
            """
            INSERT INTO organisation_coaches (organisation_id, coach_id) VALUES (\(organisationID), \(coachID))
            ON CONFLICT DO NOTHING
            """,
            references: [
                "organisation_coaches_coach_fk": "coach '\(coachID)'",
                "organisation_coaches_organisation_fk": "organisation '\(organisationID)'",
            ]
        )
    }

    /// The organisation with an id.
    public func organisation(id: String) async throws(StoreError) -> OrganisationRecord? {
        try await rows("looking up an organisation", "SELECT id, name, created_at FROM organisations WHERE id = \(id)")
            .first.map(Self.organisation)
    }

    /// The organisations of a coach, by name.
    public func organisations(ofCoach coachID: String) async throws(StoreError) -> [OrganisationRecord] {
        var result: [OrganisationRecord] = []
        for row in try await rows(
            "listing a coach's organisations",
            """
            SELECT o.id, o.name, o.created_at FROM organisations o
            JOIN organisation_coaches m ON m.organisation_id = o.id
            WHERE m.coach_id = \(coachID) ORDER BY o.name COLLATE "C", o.id
            """
        ) {
            result.append(try Self.organisation(row))
        }
        return result
    }

    /// Whether a coach coaches an organisation.
    public func isCoach(_ coachID: String, ofOrganisation organisationID: String) async throws(StoreError) -> Bool {
        try await !rows(
            "looking up a coach's organisation",
            """
            SELECT 1 FROM organisation_coaches
            WHERE coach_id = \(coachID) AND organisation_id = \(organisationID)
            """
        ).isEmpty
    }

    // MARK: Interview sessions

    /// Adds an interview session; see ``KoersStore/createSession(_:)``.
    public func createSession(_ session: InterviewRecord) async throws(StoreError) {
        let document = try StoredColumns.documentText(session.document, sessionID: session.id)
        let created = StoredColumns.time(session.createdAt)
        let updated = StoredColumns.time(session.updatedAt)
        try await execute(
            "adding session '\(session.id)'",
            """
            INSERT INTO interview_sessions
                (id, organisation_id, label, pack_id, resume_token_hash, revision, document, created_at, updated_at)
            VALUES (\(session.id), \(session.organisationID), \(session.label), \(session.packID),
                \(session.resumeTokenHash), \(session.revision), \(document), \(created), \(updated))
            """,
            duplicates: [
                "interview_sessions_pkey": "a session with id '\(session.id)'",
                "interview_sessions_resume_token_unique": "a session with this resume token",
            ],
            references: ["interview_sessions_organisation_fk": "organisation '\(session.organisationID ?? "")'"]
        )
    }

    /// The session with an id.
    public func session(id: String) async throws(StoreError) -> InterviewRecord? {
        try await rows("looking up session '\(id)'", "\(unescaped: Self.sessionColumns) WHERE id = \(id)")
            .first.map(Self.session)
    }

    /// The session with a resume token hash.
    public func session(resumeTokenHash: String) async throws(StoreError) -> InterviewRecord? {
        try await rows(
            "looking up a session",
            "\(unescaped: Self.sessionColumns) WHERE resume_token_hash = \(resumeTokenHash)"
        ).first.map(Self.session)
    }

    /// The sessions of an organisation, oldest first.
    public func sessions(ofOrganisation organisationID: String) async throws(StoreError) -> [InterviewRecord] {
        var result: [InterviewRecord] = []
        for row in try await rows(
            "listing an organisation's sessions",
            "\(unescaped: Self.sessionColumns) WHERE organisation_id = \(organisationID) ORDER BY created_at, id"
        ) {
            result.append(try Self.session(row))
        }
        return result
    }

    /// Stores a new document when the revision is still the expected one; see
    /// ``KoersStore/updateSession(id:expectedRevision:document:)``.
    public func updateSession(id: String, expectedRevision: Int, document: SessionFile) async throws(StoreError)
        -> InterviewRecord
    {
        let text = try StoredColumns.documentText(document, sessionID: id)
        let now = StoredColumns.time(Date())
        let updated = try await rows(
            "saving session '\(id)'",
            """
            UPDATE interview_sessions SET document = \(text), revision = revision + 1, updated_at = \(now)
            WHERE id = \(id) AND revision = \(expectedRevision)
            RETURNING \(unescaped: Self.sessionColumnList)
            """
        )
        if let row = updated.first { return try Self.session(row) }
        guard
            let row = try await rows(
                "looking up session '\(id)'",
                "SELECT revision FROM interview_sessions WHERE id = \(id)"
            )
            .first
        else { throw .notFound("session '\(id)'") }
        throw .conflict(expected: expectedRevision, actual: try Self.decoding { try row.decode(Int.self) })
    }

    // MARK: Share links

    /// Adds a share link; see ``KoersStore/createShareLink(_:)``.
    public func createShareLink(_ link: ShareLinkRecord) async throws(StoreError) {
        let ids = StoredColumns.sessionIDsText(link.sessionIDs)
        let created = StoredColumns.time(link.createdAt)
        let expires = StoredColumns.time(link.expiresAt)
        let revoked = StoredColumns.time(link.revokedAt)
        try await execute(
            "adding a share link",
            """
            INSERT INTO share_links
                (id, token_hash, organisation_id, session_ids, created_by_coach_id, created_at, expires_at, revoked_at)
            VALUES (\(link.id), \(link.tokenHash), \(link.organisationID), \(ids), \(link.createdByCoachID),
                \(created), \(expires), \(revoked))
            """,
            duplicates: [
                "share_links_pkey": "a share link with id '\(link.id)'",
                "share_links_token_unique": "a share link with this token",
            ],
            references: [
                "share_links_organisation_fk": "organisation '\(link.organisationID)'",
                "share_links_coach_fk": "coach '\(link.createdByCoachID)'",
            ]
        )
    }

    /// The share link with a token hash.
    public func shareLink(tokenHash: String) async throws(StoreError) -> ShareLinkRecord? {
        try await rows("looking up a share link", "\(unescaped: Self.shareLinkColumns) WHERE token_hash = \(tokenHash)")
            .first.map(Self.shareLink)
    }

    /// The share link with an id.
    public func shareLink(id: String) async throws(StoreError) -> ShareLinkRecord? {
        try await rows("looking up share link '\(id)'", "\(unescaped: Self.shareLinkColumns) WHERE id = \(id)")
            .first.map(Self.shareLink)
    }

    /// The share links of an organisation, oldest first.
    public func shareLinks(ofOrganisation organisationID: String) async throws(StoreError) -> [ShareLinkRecord] {
        var result: [ShareLinkRecord] = []
        for row in try await rows(
            "listing an organisation's share links",
            "\(unescaped: Self.shareLinkColumns) WHERE organisation_id = \(organisationID) ORDER BY created_at, id"
        ) {
            result.append(try Self.shareLink(row))
        }
        return result
    }

    /// Revokes a share link, keeping an earlier revocation time.
    public func revokeShareLink(id: String, at time: Date) async throws(StoreError) {
        let revoked = StoredColumns.time(time)
        let changed = try await rows(
            "revoking share link '\(id)'",
            "UPDATE share_links SET revoked_at = COALESCE(revoked_at, \(revoked)) WHERE id = \(id) RETURNING id"
        )
        if changed.isEmpty { throw .notFound("share link '\(id)'") }
    }

    // MARK: Rows

    private static let sessionColumnList =
        "id, organisation_id, label, pack_id, resume_token_hash, revision, document, created_at, updated_at"
    private static let sessionColumns = "SELECT \(sessionColumnList) FROM interview_sessions"
    private static let shareLinkColumns = """
        SELECT id, token_hash, organisation_id, session_ids, created_by_coach_id, created_at, expires_at, revoked_at
        FROM share_links
        """

    private static func coach(_ row: PostgresRow) throws(StoreError) -> CoachAccount {
        let (id, email, name, hash, created) = try decoding {
            try row.decode((String, String, String, String, String).self)
        }
        return CoachAccount(
            id: id,
            email: email,
            displayName: name,
            passwordHash: hash,
            createdAt: try StoredColumns.date(created, "coaches.created_at")
        )
    }

    private static func organisation(_ row: PostgresRow) throws(StoreError) -> OrganisationRecord {
        let (id, name, created) = try decoding { try row.decode((String, String, String).self) }
        return OrganisationRecord(
            id: id,
            name: name,
            createdAt: try StoredColumns.date(created, "organisations.created_at")
        )
    }

    private static func session(_ row: PostgresRow) throws(StoreError) -> InterviewRecord {
        let (id, organisationID, label, packID, resumeHash, revision, document, created, updated) = try decoding {
            try row.decode((String, String?, String, String, String?, Int, String, String, String).self)
        }
        return InterviewRecord(
            id: id,
            organisationID: organisationID,
            label: label,
            packID: packID,
            resumeTokenHash: resumeHash,
            revision: revision,
            document: try StoredColumns.document(document, sessionID: id),
            createdAt: try StoredColumns.date(created, "interview_sessions.created_at"),
            updatedAt: try StoredColumns.date(updated, "interview_sessions.updated_at")
        )
    }

    private static func shareLink(_ row: PostgresRow) throws(StoreError) -> ShareLinkRecord {
        let (id, hash, organisationID, ids, coachID, created, expires, revoked) = try decoding {
            try row.decode((String, String, String, String, String, String, String?, String?).self)
        }
        return ShareLinkRecord(
            id: id,
            tokenHash: hash,
            organisationID: organisationID,
            sessionIDs: try StoredColumns.sessionIDs(ids, linkID: id),
            createdByCoachID: coachID,
            createdAt: try StoredColumns.date(created, "share_links.created_at"),
            expiresAt: try StoredColumns.date(expires, "share_links.expires_at"),
            revokedAt: try StoredColumns.date(revoked, "share_links.revoked_at")
        )
    }

    // MARK: Plumbing

    private static func decoding<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch {
            throw .corrupt("a row holds something Koers did not write: \(String(reflecting: error))")
        }
    }

    /// Runs a query and collects its rows.
    private func rows(_ what: String, _ query: PostgresQuery) async throws(StoreError) -> [PostgresRow] {
        do {
            return try await client.query(query, logger: logger).collect()
        } catch {
            throw PostgresErrors.storeError(error, what: what, place: place)
        }
    }

    /// Runs a statement, telling which unique or foreign key constraint it broke.
    private func execute(
        _ what: String,
        _ query: PostgresQuery,
        duplicates: [String: String] = [:],
        references: [String: String] = [:]
    ) async throws(StoreError) {
        do {
            _ = try await client.query(query, logger: logger).collect()
        } catch {
            throw PostgresErrors.storeError(
                error,
                what: what,
                place: place,
                duplicates: duplicates,
                references: references
            )
        }
    }

    /// Runs statements in one transaction.
    private func transaction(
        _ what: String,
        duplicates: [String: String] = [:],
        references: [String: String] = [:],
        _ body: @Sendable (PostgresConnection, Logger) async throws -> Void
    ) async throws(StoreError) {
        let logger = logger
        do {
            try await client.withConnection { connection in
                try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                    try await body(connection, logger)
                }
            }
        } catch {
            throw PostgresErrors.storeError(
                error,
                what: what,
                place: place,
                duplicates: duplicates,
                references: references
            )
        }
    }
}

/// `BEGIN`, the work, `COMMIT`; `ROLLBACK` when the work throws, rethrowing its error as is.
enum PostgresTransaction {
    static func run(
        on connection: PostgresConnection,
        logger: Logger,
        _ body: @Sendable (PostgresConnection) async throws -> Void
    ) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await body(connection)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
    }
}
