import Foundation
import KoersSession

/// What a database driver gives the store: statements run, rows read, writes durable.
///
/// ``SQLiteDriver`` and ``PostgresDriver`` implement it; ``SQLStore`` implements
/// ``KoersStore`` once over either.
protocol StoreDriver: Sendable {
    /// The driver's background work (PostgresNIO's pool), until the task is cancelled.
    func run() async throws

    /// Checks that the database answers.
    func ping() async throws(StoreError)

    /// Runs a query and returns its rows.
    ///
    /// - Throws: ``DriverError/store(_:)`` saying what is wrong.
    func read(_ statement: StoreStatement, what: String) async throws(DriverError) -> [StoreRow]

    /// Runs the statements of a write in one transaction, committed (on disk) before it returns.
    ///
    /// - Returns: The rows of the last statement.
    /// - Throws: ``DriverError/violation(_:detail:)`` when the database refused the write
    ///   because of a constraint (nothing of it is kept), ``DriverError/store(_:)`` otherwise.
    func write(_ write: StoreWrite) async throws(DriverError) -> [StoreRow]
}

/// The store over a driver: every ``KoersStore`` operation written once, as statements from
/// ``StoreStatements``, with constraint violations turned into the same ``StoreError`` for
/// either database.
final class SQLStore<Driver: StoreDriver>: KoersStore {
    let driver: Driver
    /// The documents of the sessions used last, so that an answer to a session whose row has not
    /// changed since reads and decodes no JSON.
    let documents = SessionDocumentCache()
    /// When the database last answered the store's statements, for ``ping()``.
    let liveness = StoreLiveness()

    init(driver: Driver) {
        self.driver = driver
    }

    func run() async throws { try await driver.run() }

    /// Checks that the database answers: at once when one of the store's own statements came
    /// back within the last second with no failure since (``StoreLiveness``), so that a health
    /// check does not wait behind the answers of a busy server; otherwise with a statement.
    func ping() async throws(StoreError) {
        if liveness.answeredRecently { return }
        do {
            try await driver.ping()
            liveness.answered()
        } catch {
            liveness.failed()
            throw error
        }
    }

    // MARK: Coaches

    func createCoach(_ coach: CoachAccount) async throws(StoreError) {
        try await write(StoreStatements.insert(coach))
    }

    func coach(email: String) async throws(StoreError) -> CoachAccount? {
        try await one(StoreStatements.coach(email: email), "looking up a coach", StoreStatements.coach)
    }

    func coach(id: String) async throws(StoreError) -> CoachAccount? {
        try await one(StoreStatements.coach(id: id), "looking up a coach", StoreStatements.coach)
    }

    func coachCount() async throws(StoreError) -> Int {
        try await one(StoreStatements.coachCount, "counting coaches") { row throws(StoreError) in
            try row.integer("count")
        } ?? 0
    }

    // MARK: Logins

    func createLogin(_ login: LoginRecord) async throws(StoreError) {
        try await write(StoreStatements.insert(login))
    }

    func login(tokenHash: String) async throws(StoreError) -> LoginRecord? {
        try await one(StoreStatements.login(tokenHash: tokenHash), "looking up a login", StoreStatements.login)
    }

    func deleteLogin(tokenHash: String) async throws(StoreError) {
        try await write(StoreStatements.deleteLogin(tokenHash: tokenHash))
    }

    // MARK: Organisations

    func createOrganisation(_ organisation: OrganisationRecord, firstCoachID: String) async throws(StoreError) {
        try await write(StoreStatements.insert(organisation, firstCoachID: firstCoachID))
    }

    func addCoach(id coachID: String, toOrganisation organisationID: String) async throws(StoreError) {
        try await write(StoreStatements.addCoach(id: coachID, toOrganisation: organisationID))
    }

    func organisation(id: String) async throws(StoreError) -> OrganisationRecord? {
        try await one(StoreStatements.organisation(id: id), "looking up an organisation", StoreStatements.organisation)
    }

    func organisations(ofCoach coachID: String) async throws(StoreError) -> [OrganisationRecord] {
        try await all(
            StoreStatements.organisations(ofCoach: coachID),
            "listing a coach's organisations",
            StoreStatements.organisation
        )
    }

    func isCoach(_ coachID: String, ofOrganisation organisationID: String) async throws(StoreError) -> Bool {
        try await !rows(
            StoreStatements.isCoach(coachID, ofOrganisation: organisationID),
            "looking up a coach's organisation"
        ).isEmpty
    }

    // MARK: Interview sessions

    func createSession(_ session: InterviewRecord) async throws(StoreError) {
        try await write(StoreStatements.insert(session))
        keepCreated(session)
    }

    /// The session, its document from ``documents`` when the row is still at the version held
    /// there (the database leaves the document out then), else decoded and held.
    func session(id: String) async throws(StoreError) -> InterviewRecord? {
        let what = "looking up session '\(id)'"
        let known = documents.version(of: id)
        let statement = known.map { StoreStatements.session(id: id, unlessStill: $0) } ?? StoreStatements.session(id: id)
        guard let row = try await rows(statement, what).first else {
            documents.forget(id)
            return nil
        }
        let version = try SessionVersion(row)
        if let document = try StoreStatements.optionalDocument(row) {
            let record = try StoreStatements.session(row, document: document)
            documents.keep(record, at: version)
            return record
        }
        if let document = documents.document(of: id, at: version) {
            return try StoreStatements.session(row, document: document)
        }
        // Another read replaced the document held since this query was made: read it whole.
        return try await one(StoreStatements.session(id: id), what, StoreStatements.session)
    }

    /// Holds the document of a session as written or read, at the version of its record.
    private func keepCreated(_ record: InterviewRecord) {
        documents.keep(
            record,
            at: SessionVersion(
                revision: record.revision, createdAt: StoreTime.text(record.createdAt),
                updatedAt: StoreTime.text(record.updatedAt)
            )
        )
    }

    func session(resumeTokenHash: String) async throws(StoreError) -> InterviewRecord? {
        try await one(
            StoreStatements.session(resumeTokenHash: resumeTokenHash),
            "looking up a session",
            StoreStatements.session
        )
    }

    func sessions(ofOrganisation organisationID: String) async throws(StoreError) -> [InterviewRecord] {
        try await all(
            StoreStatements.sessions(ofOrganisation: organisationID),
            "listing an organisation's sessions",
            StoreStatements.session
        )
    }

    func updateSession(id: String, expectedRevision: Int, document: SessionFile) async throws(StoreError)
        -> InterviewRecord
    {
        try await save(
            StoreStatements.updateSession(id: id, expectedRevision: expectedRevision, document: document),
            id: id,
            expectedRevision: expectedRevision,
            document: document
        )
    }

    func updateSession(
        id: String,
        expectedRevision: Int,
        document: SessionFile,
        changes: [SessionHistoryEntry]
    ) async throws(StoreError) -> InterviewRecord {
        try await save(
            StoreStatements.updateSession(
                id: id, expectedRevision: expectedRevision, document: document, changes: changes
            ),
            id: id,
            expectedRevision: expectedRevision,
            document: document
        )
    }

    func heldSession(id: String) -> HeldSession? {
        documents.held(id).map { HeldSession(record: $0.record, version: $0.version) }
    }

    func updateHeldSession(_ held: HeldSession, document: SessionFile, changes: [SessionHistoryEntry])
        async throws(StoreError) -> InterviewRecord?
    {
        let update = try StoreStatements.updateSession(
            id: held.record.id,
            expectedRevision: held.record.revision,
            document: document,
            changes: changes,
            version: held.version
        )
        guard let row = try await write(update).first else { return nil }
        let record = try StoreStatements.session(row, document: document)
        documents.keep(record, at: try SessionVersion(row))
        return record
    }

    func createSession(_ session: InterviewRecord, changes: [SessionHistoryEntry]) async throws(StoreError) {
        try await write(StoreStatements.insert(session, changes: changes))
        keepCreated(session)
    }

    func history(ofSession sessionID: String) async throws(StoreError) -> [SessionHistoryEntry] {
        try await all(
            StoreStatements.history(ofSession: sessionID),
            "reading the history of session '\(sessionID)'",
            StoreStatements.historyEntry
        )
    }

    /// Runs a session update whose last statement returns the saved row but its document, and
    /// says why when nothing was saved. The document written is the record's, and is held in
    /// ``documents`` at the row's new version.
    private func save(_ update: StoreWrite, id: String, expectedRevision: Int, document: SessionFile)
        async throws(StoreError) -> InterviewRecord
    {
        let saved = try await write(update)
        if let row = saved.first {
            let record = try StoreStatements.session(row, document: document)
            documents.keep(record, at: try SessionVersion(row))
            return record
        }
        // Nothing was saved: say why (the write is over, so this look-up only names the reason).
        guard
            let actual = try await one(
                StoreStatements.sessionRevision(id: id),
                "looking up session '\(id)'",
                { row throws(StoreError) in try row.integer("revision") }
            )
        else { throw .notFound("session '\(id)'") }
        throw .conflict(expected: expectedRevision, actual: actual)
    }

    func deleteAnonymousSessions(untouchedSince cutoff: Date) async throws(StoreError) -> Int {
        try await write(StoreStatements.deleteAnonymousSessions(untouchedSince: cutoff)).count
    }

    // MARK: Share links

    func createShareLink(_ link: ShareLinkRecord) async throws(StoreError) {
        try await write(StoreStatements.insert(link))
    }

    func shareLink(tokenHash: String) async throws(StoreError) -> ShareLinkRecord? {
        try await one(
            StoreStatements.shareLink(tokenHash: tokenHash),
            "looking up a share link",
            StoreStatements.shareLink
        )
    }

    func shareLink(id: String) async throws(StoreError) -> ShareLinkRecord? {
        try await one(StoreStatements.shareLink(id: id), "looking up share link '\(id)'", StoreStatements.shareLink)
    }

    func shareLinks(ofOrganisation organisationID: String) async throws(StoreError) -> [ShareLinkRecord] {
        try await all(
            StoreStatements.shareLinks(ofOrganisation: organisationID),
            "listing an organisation's share links",
            StoreStatements.shareLink
        )
    }

    func revokeShareLink(id: String, at time: Date) async throws(StoreError) {
        if try await write(StoreStatements.revokeShareLink(id: id, at: time)).isEmpty {
            throw .notFound("share link '\(id)'")
        }
    }

    // MARK: Accounts and the organisation's data

    func coaches() async throws(StoreError) -> [CoachAccount] {
        try await all(StoreStatements.allCoaches, "listing the coaches", StoreStatements.coach)
    }

    func updateCoach(_ coach: CoachAccount) async throws(StoreError) {
        if try await write(StoreStatements.update(coach)).isEmpty { throw .notFound("coach '\(coach.id)'") }
    }

    func deleteLogins(ofCoach coachID: String, keeping tokenHash: String?) async throws(StoreError) -> Int {
        try await write(StoreStatements.deleteLogins(ofCoach: coachID, keeping: tokenHash)).count
    }

    func removeCoach(id coachID: String, fromOrganisation organisationID: String) async throws(StoreError) {
        if try await write(StoreStatements.removeCoach(id: coachID, fromOrganisation: organisationID)).isEmpty {
            throw .notFound("coach '\(coachID)' in organisation '\(organisationID)'")
        }
    }

    func coaches(ofOrganisation organisationID: String) async throws(StoreError) -> [CoachAccount] {
        try await all(
            StoreStatements.coaches(ofOrganisation: organisationID),
            "listing an organisation's coaches",
            StoreStatements.coach
        )
    }

    func allOrganisations() async throws(StoreError) -> [OrganisationRecord] {
        try await all(StoreStatements.allOrganisations, "listing the organisations", StoreStatements.organisation)
    }

    func deleteSession(id: String) async throws(StoreError) {
        documents.forget(id)
        if try await write(StoreStatements.deleteSession(id: id)).isEmpty { throw .notFound("session '\(id)'") }
    }

    func deleteOrganisation(id: String) async throws(StoreError) {
        if try await write(StoreStatements.deleteOrganisation(id: id)).isEmpty {
            throw .notFound("organisation '\(id)'")
        }
    }

    // MARK: Plumbing

    private func rows(_ statement: StoreStatement, _ what: String) async throws(StoreError) -> [StoreRow] {
        do {
            let rows = try await driver.read(statement, what: what)
            liveness.answered()
            return rows
        } catch {
            noteFailure(error)
            throw await storeError(error, what: what)
        }
    }

    private func one<T>(
        _ statement: StoreStatement,
        _ what: String,
        _ record: (StoreRow) throws(StoreError) -> T
    ) async throws(StoreError) -> T? {
        guard let row = try await rows(statement, what).first else { return nil }
        return try record(row)
    }

    private func all<T>(
        _ statement: StoreStatement,
        _ what: String,
        _ record: (StoreRow) throws(StoreError) -> T
    ) async throws(StoreError) -> [T] {
        var records: [T] = []
        for row in try await rows(statement, what) { records.append(try record(row)) }
        return records
    }

    @discardableResult
    private func write(_ write: StoreWrite) async throws(StoreError) -> [StoreRow] {
        do {
            let rows = try await driver.write(write)
            liveness.answered()
            return rows
        } catch {
            noteFailure(error)
            throw await storeError(error, what: write.what, write: write)
        }
    }

    /// A constraint the database refused is an answer; anything else may be a database that is
    /// down, which the next ``ping()`` then asks the database itself about.
    private func noteFailure(_ error: DriverError) {
        if case .violation = error { liveness.answered() } else { liveness.failed() }
    }

    /// A driver's failure as the caller's ``StoreError``: a broken UNIQUE or PRIMARY KEY
    /// constraint is the record that exists, a broken FOREIGN KEY the record that does not.
    private func storeError(_ error: DriverError, what: String, write: StoreWrite? = nil) async -> StoreError {
        switch error {
        case .store(let error):
            return error
        case .violation(.unique(let name, let columns), let detail):
            let known = write?.duplicates.first { $0.constraint.matches(name: name, columns: columns) }
            return .duplicate(known?.description ?? "\(what): \(detail)")
        case .violation(.foreignKey(let name), let detail):
            let references = write?.references ?? []
            if let name, let known = references.first(where: { $0.constraint.name == name }) {
                return .notFound(known.description)
            }
            if references.count == 1, let only = references.first { return .notFound(only.description) }
            // SQLite does not say which key: name the first record that is not there.
            for reference in references {
                if let found = try? await driver.read(StoreStatements.exists(reference), what: what), found.isEmpty {
                    return .notFound(reference.description)
                }
            }
            return .notFound("\(what): \(detail)")
        }
    }
}
