public import Foundation
public import KoersSession

/// Where the web application keeps coach accounts, logins, organisations, interview sessions and
/// share links.
///
/// The store is an embedded SQLite file or a PostgreSQL database shared by several server
/// instances. One implementation serves both; only the database drivers differ.
///
/// Every method that writes is durable when it returns. Open one with ``openStore(_:logger:)``,
/// and keep ``run()`` running for as long as the store is used:
///
/// ```swift
/// let store = try await openStore(try StoreLocation(parsing: "sqlite:data/koers.sqlite"), logger: logger)
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { try await store.run() }
///     try await store.createCoach(coach)
/// }
/// ```
public protocol KoersStore: Sendable {
    /// Runs the background work the store needs (PostgresNIO's client run loop) until the task
    /// is cancelled; the SQLite store just waits for cancellation.
    func run() async throws

    /// Checks that the database answers.
    ///
    /// - Throws: ``StoreError/unavailable(_:)`` when it does not.
    func ping() async throws(StoreError)

    // MARK: Coaches

    /// Adds a coach account.
    ///
    /// - Parameter coach: The account.
    /// - Throws: ``StoreError/duplicate(_:)`` when an account with the same e-mail address
    ///   (compared case-insensitively) or id exists.
    func createCoach(_ coach: CoachAccount) async throws(StoreError)

    /// The coach account with an e-mail address, compared case-insensitively.
    ///
    /// - Parameter email: The address.
    /// - Returns: The account, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func coach(email: String) async throws(StoreError) -> CoachAccount?

    /// The coach account with an id.
    ///
    /// - Parameter id: The id.
    /// - Returns: The account, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func coach(id: String) async throws(StoreError) -> CoachAccount?

    /// The number of coach accounts.
    ///
    /// - Returns: The count.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func coachCount() async throws(StoreError) -> Int

    // MARK: Logins

    /// Saves a login session (a browser cookie or an API bearer token).
    ///
    /// - Parameter login: The login.
    /// - Throws: ``StoreError/duplicate(_:)`` when the token hash exists,
    ///   ``StoreError/notFound(_:)`` when the coach does not.
    func createLogin(_ login: LoginRecord) async throws(StoreError)

    /// The login with a token hash.
    ///
    /// - Parameter tokenHash: The hex SHA-256 of the token.
    /// - Returns: The login, or `nil` (expired logins are returned too; the caller checks
    ///   ``LoginRecord/expiresAt``).
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func login(tokenHash: String) async throws(StoreError) -> LoginRecord?

    /// Removes a login (logging out); nothing happens when it does not exist.
    ///
    /// - Parameter tokenHash: The hex SHA-256 of the token.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func deleteLogin(tokenHash: String) async throws(StoreError)

    // MARK: Organisations

    /// Adds an organisation with its first coach.
    ///
    /// - Parameters:
    ///   - organisation: The organisation.
    ///   - firstCoachID: The coach who created it.
    /// - Throws: ``StoreError/duplicate(_:)`` when the id exists, ``StoreError/notFound(_:)``
    ///   when the coach does not.
    func createOrganisation(_ organisation: OrganisationRecord, firstCoachID: String) async throws(StoreError)

    /// Makes a coach one of an organisation's coaches; nothing happens when they already are.
    ///
    /// - Parameters:
    ///   - coachID: The coach.
    ///   - organisationID: The organisation.
    /// - Throws: ``StoreError/notFound(_:)`` when either does not exist.
    func addCoach(id coachID: String, toOrganisation organisationID: String) async throws(StoreError)

    /// The organisation with an id.
    ///
    /// - Parameter id: The id.
    /// - Returns: The organisation, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func organisation(id: String) async throws(StoreError) -> OrganisationRecord?

    /// The organisations a coach coaches, by name.
    ///
    /// - Parameter coachID: The coach.
    /// - Returns: The organisations, sorted by name then id.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func organisations(ofCoach coachID: String) async throws(StoreError) -> [OrganisationRecord]

    /// Whether a coach coaches an organisation.
    ///
    /// - Parameters:
    ///   - coachID: The coach.
    ///   - organisationID: The organisation.
    /// - Returns: `true` when they do.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func isCoach(_ coachID: String, ofOrganisation organisationID: String) async throws(StoreError) -> Bool

    // MARK: Interview sessions

    /// Adds an interview session.
    ///
    /// - Parameter session: The session; its revision is stored as given (usually 1).
    /// - Throws: ``StoreError/duplicate(_:)`` when the id or resume token hash exists,
    ///   ``StoreError/notFound(_:)`` when the organisation does not.
    func createSession(_ session: InterviewRecord) async throws(StoreError)

    /// The session with an id.
    ///
    /// - Parameter id: The id.
    /// - Returns: The session, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func session(id: String) async throws(StoreError) -> InterviewRecord?

    /// The session with a resume token hash.
    ///
    /// - Parameter resumeTokenHash: The hex SHA-256 of the resume token.
    /// - Returns: The session, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func session(resumeTokenHash: String) async throws(StoreError) -> InterviewRecord?

    /// The sessions of an organisation, oldest first.
    ///
    /// - Parameter organisationID: The organisation.
    /// - Returns: The sessions, by creation time then id.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func sessions(ofOrganisation organisationID: String) async throws(StoreError) -> [InterviewRecord]

    /// Removes the anonymous sessions (those of no organisation) not changed since `cutoff`, so
    /// that sessions started by strangers and left do not fill the database.
    ///
    /// - Parameter cutoff: Sessions whose last change is before this time are removed.
    /// - Returns: How many were removed.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached.
    func deleteAnonymousSessions(untouchedSince cutoff: Date) async throws(StoreError) -> Int

    /// Stores `document` if the stored revision is still `expectedRevision`.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - expectedRevision: The revision the caller read.
    ///   - document: The new document.
    /// - Returns: The record as stored, with revision `expectedRevision + 1`. Durable when it
    ///   returns.
    /// - Throws: ``StoreError/conflict(expected:actual:)`` when someone else saved in between,
    ///   ``StoreError/notFound(_:)`` when the session does not exist.
    func updateSession(id: String, expectedRevision: Int, document: SessionFile) async throws(StoreError)
        -> InterviewRecord

    /// Stores `document` if the stored revision is still `expectedRevision`, and appends
    /// `changes` to the session's history in the same transaction: both or neither.
    ///
    /// - Parameters:
    ///   - id: The session.
    ///   - expectedRevision: The revision the caller read.
    ///   - document: The new document.
    ///   - changes: The changes that made it, oldest first; their positions are set here.
    /// - Returns: The record as stored, with revision `expectedRevision + 1`.
    /// - Throws: ``StoreError/conflict(expected:actual:)`` when someone else saved in between,
    ///   ``StoreError/notFound(_:)`` when the session does not exist; no change is kept then.
    func updateSession(
        id: String,
        expectedRevision: Int,
        document: SessionFile,
        changes: [SessionHistoryEntry]
    ) async throws(StoreError) -> InterviewRecord

    /// The session as this store last read or saved it, without asking the database.
    ///
    /// It may be out of date: another process may have changed or removed the session since.
    /// It is for a change that is saved with ``updateHeldSession(_:document:changes:)``, which
    /// saves nothing when the session is no longer at this version, and so spares the database
    /// a read on every answer.
    ///
    /// - Parameter id: The session.
    /// - Returns: The session as held, or `nil` when the store holds none.
    func heldSession(id: String) -> HeldSession?

    /// Stores `document` and appends `changes` to the session's history, in one transaction,
    /// if the session's row is still exactly the version `held` is of (the same revision and
    /// times, so also not removed and made again).
    ///
    /// - Parameters:
    ///   - held: The session as held (``heldSession(id:)``), which the document is a change of.
    ///   - document: The new document.
    ///   - changes: The changes that made it, oldest first.
    /// - Returns: The record as stored (durable when it returns), or `nil` when the row is at
    ///   another version or gone: nothing is saved then, and the caller reads the session
    ///   (``session(id:)``) and changes that instead.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached.
    func updateHeldSession(_ held: HeldSession, document: SessionFile, changes: [SessionHistoryEntry])
        async throws(StoreError) -> InterviewRecord?

    /// Adds an interview session with the changes made while starting it (answers taken over
    /// from another session), in one transaction.
    ///
    /// - Parameters:
    ///   - session: The session.
    ///   - changes: Its first history entries.
    /// - Throws: As ``createSession(_:)``.
    func createSession(_ session: InterviewRecord, changes: [SessionHistoryEntry]) async throws(StoreError)

    /// A session's history, oldest first.
    ///
    /// - Parameter sessionID: The session.
    /// - Returns: Its changes (none for an unknown session).
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func history(ofSession sessionID: String) async throws(StoreError) -> [SessionHistoryEntry]

    // MARK: Share links

    /// Adds a read-only share link.
    ///
    /// - Parameter link: The link.
    /// - Throws: ``StoreError/duplicate(_:)`` when the id or token hash exists,
    ///   ``StoreError/notFound(_:)`` when the organisation or coach does not.
    func createShareLink(_ link: ShareLinkRecord) async throws(StoreError)

    /// The share link with a token hash.
    ///
    /// - Parameter tokenHash: The hex SHA-256 of the token.
    /// - Returns: The link (revoked and expired ones too), or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func shareLink(tokenHash: String) async throws(StoreError) -> ShareLinkRecord?

    /// The share link with an id.
    ///
    /// - Parameter id: The id.
    /// - Returns: The link, or `nil`.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func shareLink(id: String) async throws(StoreError) -> ShareLinkRecord?

    /// The share links of an organisation, oldest first.
    ///
    /// - Parameter organisationID: The organisation.
    /// - Returns: The links, by creation time then id.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func shareLinks(ofOrganisation organisationID: String) async throws(StoreError) -> [ShareLinkRecord]

    /// Revokes a share link; a link revoked before keeps its first revocation time.
    ///
    /// - Parameters:
    ///   - id: The link.
    ///   - time: When it was revoked.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    func revokeShareLink(id: String, at time: Date) async throws(StoreError)

    // MARK: Accounts and the organisation's data (issue 13)

    /// Every account, active and deactivated, by e-mail address.
    ///
    /// - Returns: The accounts.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func coaches() async throws(StoreError) -> [CoachAccount]

    /// Saves an account's name, password hash, role and deactivation (its id, e-mail address
    /// and creation time stay); when it is deactivated its logins are removed in the same
    /// transaction, so that nobody stays logged in with it.
    ///
    /// - Parameter coach: The account as it should be.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    func updateCoach(_ coach: CoachAccount) async throws(StoreError)

    /// Removes the logins of an account (after a password change or reset).
    ///
    /// - Parameters:
    ///   - coachID: The account.
    ///   - tokenHash: A login to keep (the one that changed its own password), or `nil`.
    /// - Returns: How many were removed.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached.
    @discardableResult
    func deleteLogins(ofCoach coachID: String, keeping tokenHash: String?) async throws(StoreError) -> Int

    /// Ends an account's membership of an organisation.
    ///
    /// - Parameters:
    ///   - coachID: The account.
    ///   - organisationID: The organisation.
    /// - Throws: ``StoreError/notFound(_:)`` when the account was not a member.
    func removeCoach(id coachID: String, fromOrganisation organisationID: String) async throws(StoreError)

    /// The members of an organisation, by e-mail address.
    ///
    /// - Parameter organisationID: The organisation.
    /// - Returns: The accounts.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func coaches(ofOrganisation organisationID: String) async throws(StoreError) -> [CoachAccount]

    /// Every organisation, by name (for an administrator assigning accounts).
    ///
    /// - Returns: The organisations.
    /// - Throws: ``StoreError/unavailable(_:)`` when the database cannot be reached,
    ///   ``StoreError/corrupt(_:)`` when what it holds cannot be read.
    func allOrganisations() async throws(StoreError) -> [OrganisationRecord]

    /// Removes a session and every share link that shows it, in one transaction.
    ///
    /// - Parameter id: The session.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    func deleteSession(id: String) async throws(StoreError)

    /// Removes an organisation with all its sessions, share links and memberships, in one
    /// transaction; the accounts and their logins stay.
    ///
    /// - Parameter id: The organisation.
    /// - Throws: ``StoreError/notFound(_:)`` when it does not exist.
    func deleteOrganisation(id: String) async throws(StoreError)
}

/// A session as a store last read or saved it (``KoersStore/heldSession(id:)``), with the
/// version of the row it was read from, which ``KoersStore/updateHeldSession(_:document:changes:)``
/// checks.
public struct HeldSession: Sendable {
    /// The session as held.
    public let record: InterviewRecord
    /// The version of the row it was read from or saved as.
    let version: SessionVersion
}
