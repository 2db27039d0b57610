public import Foundation
import GRDB
public import KoersSession

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded store: one SQLite file in WAL mode.
///
/// GRDB's `DatabasePool` reads with several connections at once and writes with one. Every
/// write is one transaction with `synchronous = FULL`, so it is on disk when the call returns.
public final class SQLiteStore: KoersStore {
    /// The file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating it, and its folder, when missing) and migrates a database file.
    ///
    /// - Parameter path: The file.
    /// - Throws: ``StoreError/unavailable(_:)`` when the file or folder cannot be made or
    ///   opened, ``StoreError/corrupt(_:)`` when it is not a Koers database.
    public init(path: String) throws(StoreError) {
        self.path = path
        try Self.createFolders(for: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.openError(error, path: path)
        }
        do {
            try pool.write { db in try Self.migrate(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.openError(error, path: path)
        }
    }

    private static func migrate(_ db: Database, path: String) throws {
        try db.execute(sql: StoreMigrations.ledger)
        var recorded: [Int: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT position, name FROM koers_migrations") {
            let position = try row.decode(Int.self, forColumn: "position")
            recorded[position] = try row.decode(String.self, forColumn: "name")
        }
        for (position, migration) in try StoreMigrations.pending(
            recorded: recorded,
            known: StoreMigrations.sqlite,
            place: "database '\(path)'"
        ) {
            for statement in migration.statements { try db.execute(sql: statement) }
            try db.execute(
                sql: "INSERT INTO koers_migrations (position, name, applied_at) VALUES (?, ?, ?)",
                arguments: [position, migration.name, StoreTime.text(Date())]
            )
        }
    }

    /// Waits until the task is cancelled: SQLite needs no background work.
    public func run() async throws {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }

    /// Reads one row to check the file is still usable.
    public func ping() async throws(StoreError) {
        _ = try await read("checking the database") { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    // MARK: Coaches

    /// Adds a coach account; see ``KoersStore/createCoach(_:)``.
    public func createCoach(_ coach: CoachAccount) async throws(StoreError) {
        try await write("adding coach '\(coach.email)'") { db in
            guard
                try Bool.fetchOne(
                    db,
                    sql: "SELECT 1 FROM coaches WHERE email_key = ?",
                    arguments: [StoredColumns.emailKey(coach.email)]
                ) == nil
            else { throw StoreError.duplicate("a coach account with e-mail address '\(coach.email)'") }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM coaches WHERE id = ?", arguments: [coach.id]) == nil
            else { throw StoreError.duplicate("a coach account with id '\(coach.id)'") }
            try db.execute(
                sql: """
                    INSERT INTO coaches (id, email, email_key, display_name, password_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    coach.id, coach.email, StoredColumns.emailKey(coach.email), coach.displayName,
                    coach.passwordHash, StoredColumns.time(coach.createdAt),
                ]
            )
        }
    }

    /// The coach with an e-mail address; see ``KoersStore/coach(email:)``.
    public func coach(email: String) async throws(StoreError) -> CoachAccount? {
        try await fetchOne(Self.coachColumns + " WHERE email_key = ?", [StoredColumns.emailKey(email)], Self.coach)
    }

    /// The coach with an id; see ``KoersStore/coach(id:)``.
    public func coach(id: String) async throws(StoreError) -> CoachAccount? {
        try await fetchOne(Self.coachColumns + " WHERE id = ?", [id], Self.coach)
    }

    /// The number of coaches.
    public func coachCount() async throws(StoreError) -> Int {
        try await read("counting coaches") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coaches") ?? 0 }
    }

    // MARK: Logins

    /// Saves a login; see ``KoersStore/createLogin(_:)``.
    public func createLogin(_ login: LoginRecord) async throws(StoreError) {
        try await write("saving a login") { db in
            try Self.require(db, "coaches", login.coachID, "coach")
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM logins WHERE token_hash = ?", arguments: [login.tokenHash])
                    == nil
            else { throw StoreError.duplicate("a login with this token") }
            try db.execute(
                sql: """
                    INSERT INTO logins (token_hash, coach_id, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    login.tokenHash, login.coachID, login.csrfToken, StoredColumns.time(login.createdAt),
                    StoredColumns.time(login.expiresAt),
                ]
            )
        }
    }

    /// The login with a token hash; see ``KoersStore/login(tokenHash:)``.
    public func login(tokenHash: String) async throws(StoreError) -> LoginRecord? {
        try await fetchOne(
            "SELECT token_hash, coach_id, csrf_token, created_at, expires_at FROM logins WHERE token_hash = ?",
            [tokenHash]
        ) { row throws in
            LoginRecord(
                tokenHash: try row.decode(forColumn: "token_hash"),
                coachID: try row.decode(forColumn: "coach_id"),
                csrfToken: try row.decode(forColumn: "csrf_token"),
                createdAt: try StoredColumns.date(
                    row.decode(String.self, forColumn: "created_at"),
                    "logins.created_at"
                ),
                expiresAt: try StoredColumns.date(row.decode(String.self, forColumn: "expires_at"), "logins.expires_at")
            )
        }
    }

    /// Removes a login.
    public func deleteLogin(tokenHash: String) async throws(StoreError) {
        try await write("removing a login") { db in
            try db.execute(sql: "DELETE FROM logins WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    // MARK: Organisations

    /// Adds an organisation with its first coach; see
    /// ``KoersStore/createOrganisation(_:firstCoachID:)``.
    public func createOrganisation(_ organisation: OrganisationRecord, firstCoachID: String) async throws(StoreError) {
        try await write("adding organisation '\(organisation.name)'") { db in
            try Self.require(db, "coaches", firstCoachID, "coach")
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM organisations WHERE id = ?", arguments: [organisation.id])
                    == nil
            else { throw StoreError.duplicate("an organisation with id '\(organisation.id)'") }
            try db.execute(
                sql: "INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)",
                arguments: [organisation.id, organisation.name, StoredColumns.time(organisation.createdAt)]
            )
            try db.execute(
                sql: "INSERT INTO organisation_coaches (organisation_id, coach_id) VALUES (?, ?)",
                arguments: [organisation.id, firstCoachID]
            )
        }
    }

    /// Makes a coach one of an organisation's coaches.
    public func addCoach(id coachID: String, toOrganisation organisationID: String) async throws(StoreError) {
        try await write("adding a coach to an organisation") { db in
            try Self.require(db, "coaches", coachID, "coach")
            try Self.require(db, "organisations", organisationID, "organisation")
            try db.execute(
                sql: "INSERT OR IGNORE INTO organisation_coaches (organisation_id, coach_id) VALUES (?, ?)",
                arguments: [organisationID, coachID]
            )
        }
    }

    /// The organisation with an id.
    public func organisation(id: String) async throws(StoreError) -> OrganisationRecord? {
        try await fetchOne("SELECT id, name, created_at FROM organisations WHERE id = ?", [id], Self.organisation)
    }

    /// The organisations of a coach, by name.
    public func organisations(ofCoach coachID: String) async throws(StoreError) -> [OrganisationRecord] {
        try await fetchAll(
            """
            SELECT o.id, o.name, o.created_at FROM organisations o
            JOIN organisation_coaches m ON m.organisation_id = o.id
            WHERE m.coach_id = ? ORDER BY o.name, o.id
            """,
            [coachID],
            Self.organisation
        )
    }

    /// Whether a coach coaches an organisation.
    public func isCoach(_ coachID: String, ofOrganisation organisationID: String) async throws(StoreError) -> Bool {
        try await read("looking up a coach's organisation") { db in
            try Bool.fetchOne(
                db,
                sql: "SELECT 1 FROM organisation_coaches WHERE coach_id = ? AND organisation_id = ?",
                arguments: [coachID, organisationID]
            ) != nil
        }
    }

    // MARK: Interview sessions

    /// Adds an interview session; see ``KoersStore/createSession(_:)``.
    public func createSession(_ session: InterviewRecord) async throws(StoreError) {
        let document = try StoredColumns.documentText(session.document, sessionID: session.id)
        try await write("adding session '\(session.id)'") { db in
            if let organisationID = session.organisationID {
                try Self.require(db, "organisations", organisationID, "organisation")
            }
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM interview_sessions WHERE id = ?", arguments: [session.id])
                    == nil
            else { throw StoreError.duplicate("a session with id '\(session.id)'") }
            if let hash = session.resumeTokenHash,
                try Bool.fetchOne(
                    db,
                    sql: "SELECT 1 FROM interview_sessions WHERE resume_token_hash = ?",
                    arguments: [hash]
                ) != nil
            {
                throw StoreError.duplicate("a session with this resume token")
            }
            try db.execute(
                sql: """
                    INSERT INTO interview_sessions
                        (id, organisation_id, label, pack_id, resume_token_hash, revision, document, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.id, session.organisationID, session.label, session.packID, session.resumeTokenHash,
                    session.revision, document, StoredColumns.time(session.createdAt),
                    StoredColumns.time(session.updatedAt),
                ]
            )
        }
    }

    /// The session with an id.
    public func session(id: String) async throws(StoreError) -> InterviewRecord? {
        try await fetchOne(Self.sessionColumns + " WHERE id = ?", [id], Self.session)
    }

    /// The session with a resume token hash.
    public func session(resumeTokenHash: String) async throws(StoreError) -> InterviewRecord? {
        try await fetchOne(Self.sessionColumns + " WHERE resume_token_hash = ?", [resumeTokenHash], Self.session)
    }

    /// The sessions of an organisation, oldest first.
    public func sessions(ofOrganisation organisationID: String) async throws(StoreError) -> [InterviewRecord] {
        try await fetchAll(
            Self.sessionColumns + " WHERE organisation_id = ? ORDER BY created_at, id",
            [organisationID],
            Self.session
        )
    }

    /// Stores a new document when the revision is still the expected one; see
    /// ``KoersStore/updateSession(id:expectedRevision:document:)``.
    public func updateSession(id: String, expectedRevision: Int, document: SessionFile) async throws(StoreError)
        -> InterviewRecord
    {
        let text = try StoredColumns.documentText(document, sessionID: id)
        let now = StoredColumns.time(Date())
        return try await write("saving session '\(id)'") { db throws -> InterviewRecord in
            try db.execute(
                sql: """
                    UPDATE interview_sessions SET document = ?, revision = revision + 1, updated_at = ?
                    WHERE id = ? AND revision = ?
                    """,
                arguments: [text, now, id, expectedRevision]
            )
            if db.changesCount == 0 {
                guard
                    let actual = try Int.fetchOne(
                        db,
                        sql: "SELECT revision FROM interview_sessions WHERE id = ?",
                        arguments: [id]
                    )
                else { throw StoreError.notFound("session '\(id)'") }
                throw StoreError.conflict(expected: expectedRevision, actual: actual)
            }
            guard let row = try Row.fetchOne(db, sql: Self.sessionColumns + " WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("session '\(id)'")
            }
            return try Self.session(row)
        }
    }

    // MARK: Share links

    /// Adds a share link; see ``KoersStore/createShareLink(_:)``.
    public func createShareLink(_ link: ShareLinkRecord) async throws(StoreError) {
        try await write("adding a share link") { db in
            try Self.require(db, "organisations", link.organisationID, "organisation")
            try Self.require(db, "coaches", link.createdByCoachID, "coach")
            guard
                try Bool.fetchOne(
                    db,
                    sql: "SELECT 1 FROM share_links WHERE id = ? OR token_hash = ?",
                    arguments: [link.id, link.tokenHash]
                ) == nil
            else { throw StoreError.duplicate("a share link with id '\(link.id)' or this token") }
            try db.execute(
                sql: """
                    INSERT INTO share_links
                        (id, token_hash, organisation_id, session_ids, created_by_coach_id, created_at, expires_at, revoked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    link.id, link.tokenHash, link.organisationID, StoredColumns.sessionIDsText(link.sessionIDs),
                    link.createdByCoachID, StoredColumns.time(link.createdAt), StoredColumns.time(link.expiresAt),
                    StoredColumns.time(link.revokedAt),
                ]
            )
        }
    }

    /// The share link with a token hash.
    public func shareLink(tokenHash: String) async throws(StoreError) -> ShareLinkRecord? {
        try await fetchOne(Self.shareLinkColumns + " WHERE token_hash = ?", [tokenHash], Self.shareLink)
    }

    /// The share link with an id.
    public func shareLink(id: String) async throws(StoreError) -> ShareLinkRecord? {
        try await fetchOne(Self.shareLinkColumns + " WHERE id = ?", [id], Self.shareLink)
    }

    /// The share links of an organisation, oldest first.
    public func shareLinks(ofOrganisation organisationID: String) async throws(StoreError) -> [ShareLinkRecord] {
        try await fetchAll(
            Self.shareLinkColumns + " WHERE organisation_id = ? ORDER BY created_at, id",
            [organisationID],
            Self.shareLink
        )
    }

    /// Revokes a share link, keeping an earlier revocation time.
    public func revokeShareLink(id: String, at time: Date) async throws(StoreError) {
        try await write("revoking share link '\(id)'") { db in
            try Self.require(db, "share_links", id, "share link")
            try db.execute(
                sql: "UPDATE share_links SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                arguments: [StoredColumns.time(time), id]
            )
        }
    }

    // MARK: Rows

    private static let coachColumns = "SELECT id, email, display_name, password_hash, created_at FROM coaches"
    private static let sessionColumns = """
        SELECT id, organisation_id, label, pack_id, resume_token_hash, revision, document, created_at, updated_at
        FROM interview_sessions
        """
    private static let shareLinkColumns = """
        SELECT id, token_hash, organisation_id, session_ids, created_by_coach_id, created_at, expires_at, revoked_at
        FROM share_links
        """

    private static func coach(_ row: Row) throws -> CoachAccount {
        CoachAccount(
            id: try row.decode(forColumn: "id"),
            email: try row.decode(forColumn: "email"),
            displayName: try row.decode(forColumn: "display_name"),
            passwordHash: try row.decode(forColumn: "password_hash"),
            createdAt: try StoredColumns.date(row.decode(String.self, forColumn: "created_at"), "coaches.created_at")
        )
    }

    private static func organisation(_ row: Row) throws -> OrganisationRecord {
        OrganisationRecord(
            id: try row.decode(forColumn: "id"),
            name: try row.decode(forColumn: "name"),
            createdAt: try StoredColumns.date(
                row.decode(String.self, forColumn: "created_at"),
                "organisations.created_at"
            )
        )
    }

    private static func session(_ row: Row) throws -> InterviewRecord {
        let id: String = try row.decode(forColumn: "id")
        return InterviewRecord(
            id: id,
            organisationID: try row.decode(forColumn: "organisation_id"),
            label: try row.decode(forColumn: "label"),
            packID: try row.decode(forColumn: "pack_id"),
            resumeTokenHash: try row.decode(forColumn: "resume_token_hash"),
            revision: try row.decode(forColumn: "revision"),
            document: try StoredColumns.document(row.decode(String.self, forColumn: "document"), sessionID: id),
            createdAt: try StoredColumns.date(
                row.decode(String.self, forColumn: "created_at"),
                "interview_sessions.created_at"
            ),
            updatedAt: try StoredColumns.date(
                row.decode(String.self, forColumn: "updated_at"),
                "interview_sessions.updated_at"
            )
        )
    }

    private static func shareLink(_ row: Row) throws -> ShareLinkRecord {
        let id: String = try row.decode(forColumn: "id")
        return ShareLinkRecord(
            id: id,
            tokenHash: try row.decode(forColumn: "token_hash"),
            organisationID: try row.decode(forColumn: "organisation_id"),
            sessionIDs: try StoredColumns.sessionIDs(row.decode(String.self, forColumn: "session_ids"), linkID: id),
            createdByCoachID: try row.decode(forColumn: "created_by_coach_id"),
            createdAt: try StoredColumns.date(
                row.decode(String.self, forColumn: "created_at"),
                "share_links.created_at"
            ),
            expiresAt: try StoredColumns.date(
                row.decode(String?.self, forColumn: "expires_at"),
                "share_links.expires_at"
            ),
            revokedAt: try StoredColumns.date(
                row.decode(String?.self, forColumn: "revoked_at"),
                "share_links.revoked_at"
            )
        )
    }

    // MARK: Plumbing

    /// Throws ``StoreError/notFound(_:)`` unless a row with the id exists.
    private static func require(_ db: Database, _ table: String, _ id: String, _ what: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE id = ?", arguments: [id]) != nil else {
            throw StoreError.notFound("\(what) '\(id)'")
        }
    }

    private func fetchOne<T: Sendable>(
        _ sql: String,
        _ arguments: StatementArguments,
        _ convert: @escaping @Sendable (Row) throws -> T
    ) async throws(StoreError) -> T? {
        try await read("reading the database") { db in
            try Row.fetchOne(db, sql: sql, arguments: arguments).map(convert)
        }
    }

    private func fetchAll<T: Sendable>(
        _ sql: String,
        _ arguments: StatementArguments,
        _ convert: @escaping @Sendable (Row) throws -> T
    ) async throws(StoreError) -> [T] {
        try await read("reading the database") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(convert)
        }
    }

    private func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do {
            return try await pool.read(body)
        } catch {
            throw Self.storeError(error, what: what, path: path)
        }
    }

    private func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T)
        async throws(StoreError) -> T
    {
        do {
            return try await pool.write(body)
        } catch {
            throw Self.storeError(error, what: what, path: path)
        }
    }

    private static func storeError(_ error: any Error, what: String, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .corrupt("\(what) in '\(path)' read something Koers did not write: \(error)")
        }
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            return .duplicate("\(what): \(error.message ?? "a constraint failed")")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .corrupt("'\(path)' is damaged (\(error.message ?? "\(error)")); restore it from a backup")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("'\(path)' is locked by another program; stop it, or give another database")
        default:
            return .unavailable("\(what) in '\(path)' failed: \(error.message ?? "\(error)")")
        }
    }

    private static func openError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .unavailable("cannot open database '\(path)': \(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(
                "'\(path)' is not a SQLite database (\(error.message ?? "file is not a database")); "
                    + "give the path of a Koers database, or a new path to start one"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("database '\(path)' is locked by another program; stop it, or give another database")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
            return .unavailable(
                "cannot open database '\(path)': \(error.message ?? "\(error)"); "
                    + "check that the file and its folder exist and that you may write to them"
            )
        default:
            return .unavailable("cannot open database '\(path)': \(error.message ?? "\(error)")")
        }
    }

    /// Makes the folders of `path` that are missing, one by one, so that a failure names the
    /// folder and the system's reason.
    private static func createFolders(for path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        var current = URL(fileURLWithPath: "/")
        for component in folder.pathComponents.dropFirst() {
            current.appendPathComponent(component)
            var status = stat()
            if stat(current.path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw .unavailable(
                        "cannot open database '\(path)': '\(current.path)' is not a folder; give another path"
                    )
                }
                continue
            }
            if mkdir(current.path, 0o755) != 0, errno != EEXIST {
                throw .unavailable(
                    "cannot create the folder '\(current.path)' for database '\(path)': "
                        + "\(String(cString: strerror(errno))); give a path in a folder you may write to"
                )
            }
        }
    }
}
