import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import KoersTestSupport
import Testing

/// Roles, deactivation, memberships and deletion of an organisation's data, on both stores;
/// what was deleted is checked by querying the database directly, not through the store.
@Suite struct StoreAccountsTests {
    @Test(arguments: StoreKind.available)
    func rolesAndDeactivationAreSavedAndADeactivatedAccountLosesItsLogins(kind: StoreKind) async throws {
        try await DirectDatabase.with(kind) { location, database in
            try await StoreHarness.withStore(at: location) { store in
                var anna = Sample.coach("anna@example.nl", name: "Anna")
                anna.role = .administrator
                try await store.createCoach(anna)
                var rik = Sample.coach("rik@example.nl", name: "Rik", at: Sample.time(plus: 5))
                rik.role = .reviewer
                try await store.createCoach(rik)
                #expect(try await store.coach(id: anna.id)?.role == .administrator)
                #expect(try await store.coach(id: rik.id)?.role == .reviewer)
                #expect(try await store.coaches().map(\.email) == ["anna@example.nl", "rik@example.nl"])

                for _ in 0..<2 {
                    try await store.createLogin(
                        LoginRecord(
                            tokenHash: Sample.hash(), coachID: rik.id, csrfToken: "c", createdAt: Sample.time,
                            expiresAt: Sample.time(plus: 3600)
                        )
                    )
                }
                #expect(try database.count("logins WHERE coach_id = '\(rik.id)'") == 2)
                rik.deactivatedAt = Sample.time(plus: 60)
                rik.displayName = "Rik de Vries"
                try await store.updateCoach(rik)
                let saved = try #require(try await store.coach(id: rik.id))
                #expect(saved.deactivatedAt == Sample.time(plus: 60) && !saved.isActive)
                #expect(saved.displayName == "Rik de Vries")
                #expect(try database.count("logins WHERE coach_id = '\(rik.id)'") == 0)

                rik.deactivatedAt = nil
                try await store.updateCoach(rik)
                #expect(try await store.coach(id: rik.id)?.isActive == true)

                var ghost = Sample.coach("ghost@example.nl")
                ghost.role = .coach
                #expect(await storeError { try await store.updateCoach(ghost) } == .notFound("coach '\(ghost.id)'"))
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func loginsOfAnAccountAreRemovedAllOrAllButOne(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let anna = Sample.coach("anna@example.nl")
            try await store.createCoach(anna)
            let hashes = [Sample.hash(), Sample.hash(), Sample.hash()]
            for hash in hashes {
                try await store.createLogin(
                    LoginRecord(
                        tokenHash: hash, coachID: anna.id, csrfToken: "c", createdAt: Sample.time,
                        expiresAt: Sample.time(plus: 3600)
                    )
                )
            }
            #expect(try await store.deleteLogins(ofCoach: anna.id, keeping: hashes[0]) == 2)
            #expect(try await store.login(tokenHash: hashes[0]) != nil)
            #expect(try await store.login(tokenHash: hashes[1]) == nil)
            #expect(try await store.deleteLogins(ofCoach: anna.id, keeping: nil) == 1)
            #expect(try await store.login(tokenHash: hashes[0]) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func membershipsAreListedAndEnded(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let anna = Sample.coach("anna@example.nl")
            let bert = Sample.coach("bert@example.nl")
            try await store.createCoach(anna)
            try await store.createCoach(bert)
            let linde = Sample.organisation("De Linde")
            let eik = Sample.organisation("De Eik")
            try await store.createOrganisation(linde, firstCoachID: anna.id)
            try await store.createOrganisation(eik, firstCoachID: bert.id)
            try await store.addCoach(id: bert.id, toOrganisation: linde.id)
            #expect(try await store.coaches(ofOrganisation: linde.id).map(\.id) == [anna.id, bert.id])
            #expect(try await store.allOrganisations().map(\.name) == ["De Eik", "De Linde"])

            try await store.removeCoach(id: bert.id, fromOrganisation: linde.id)
            #expect(try await store.coaches(ofOrganisation: linde.id).map(\.id) == [anna.id])
            #expect(try await store.isCoach(bert.id, ofOrganisation: linde.id) == false)
            #expect(try await store.isCoach(bert.id, ofOrganisation: eik.id))
            #expect(
                await storeError { try await store.removeCoach(id: bert.id, fromOrganisation: linde.id) }
                    == .notFound("coach '\(bert.id)' in organisation '\(linde.id)'")
            )
        }
    }

    @Test(arguments: StoreKind.available)
    func deletingASessionRemovesItAndTheShareLinksThatShowIt(kind: StoreKind) async throws {
        try await DirectDatabase.with(kind) { location, database in
            try await StoreHarness.withStore(at: location) { store in
                let anna = Sample.coach("anna@example.nl")
                try await store.createCoach(anna)
                let linde = Sample.organisation("De Linde")
                try await store.createOrganisation(linde, firstCoachID: anna.id)
                let baseline = try Sample.session(organisationID: linde.id)
                let followUp = try Sample.session(organisationID: linde.id, label: "1-meting", at: Sample.time(plus: 10))
                try await store.createSession(baseline, changes: [historyEntry(by: anna)])
                try await store.createSession(followUp, changes: [historyEntry(by: anna)])
                let onlyFollowUp = ShareLinkRecord(
                    id: Sample.id(), tokenHash: Sample.hash(), organisationID: linde.id, sessionIDs: [followUp.id],
                    createdByCoachID: anna.id, createdAt: Sample.time, expiresAt: nil, revokedAt: nil
                )
                let both = ShareLinkRecord(
                    id: Sample.id(), tokenHash: Sample.hash(), organisationID: linde.id,
                    sessionIDs: [baseline.id, followUp.id], createdByCoachID: anna.id, createdAt: Sample.time,
                    expiresAt: nil, revokedAt: nil
                )
                try await store.createShareLink(onlyFollowUp)
                try await store.createShareLink(both)

                try await store.deleteSession(id: baseline.id)
                #expect(try database.count("interview_sessions WHERE id = '\(baseline.id)'") == 0)
                #expect(try database.count("interview_sessions WHERE id = '\(followUp.id)'") == 1)
                #expect(try database.count("session_history WHERE session_id = '\(baseline.id)'") == 0)
                #expect(try database.count("session_history WHERE session_id = '\(followUp.id)'") == 1)
                #expect(try database.count("share_links WHERE id = '\(both.id)'") == 0)
                #expect(try database.count("share_links WHERE id = '\(onlyFollowUp.id)'") == 1)
                #expect(
                    await storeError { try await store.deleteSession(id: baseline.id) }
                        == .notFound("session '\(baseline.id)'")
                )
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func deletingAnOrganisationRemovesEveryRowOfItAndKeepsAccountsAndLogins(kind: StoreKind) async throws {
        try await DirectDatabase.with(kind) { location, database in
            try await StoreHarness.withStore(at: location) { store in
                let anna = Sample.coach("anna@example.nl")
                let bert = Sample.coach("bert@example.nl")
                try await store.createCoach(anna)
                try await store.createCoach(bert)
                let login = LoginRecord(
                    tokenHash: Sample.hash(), coachID: anna.id, csrfToken: "c", createdAt: Sample.time,
                    expiresAt: Sample.time(plus: 3600)
                )
                try await store.createLogin(login)
                let linde = Sample.organisation("De Linde")
                let eik = Sample.organisation("De Eik")
                try await store.createOrganisation(linde, firstCoachID: anna.id)
                try await store.createOrganisation(eik, firstCoachID: anna.id)
                try await store.addCoach(id: bert.id, toOrganisation: linde.id)
                let session = try Sample.session(organisationID: linde.id)
                let other = try Sample.session(organisationID: eik.id)
                try await store.createSession(session, changes: [historyEntry(by: anna)])
                try await store.createSession(other, changes: [historyEntry(by: anna)])
                try await store.createShareLink(
                    ShareLinkRecord(
                        id: Sample.id(), tokenHash: Sample.hash(), organisationID: linde.id, sessionIDs: [session.id],
                        createdByCoachID: anna.id, createdAt: Sample.time, expiresAt: nil, revokedAt: nil
                    )
                )

                try await store.deleteOrganisation(id: linde.id)
                #expect(try database.count("organisations WHERE id = '\(linde.id)'") == 0)
                #expect(try database.count("interview_sessions WHERE organisation_id = '\(linde.id)'") == 0)
                #expect(try database.count("interview_sessions WHERE id = '\(session.id)'") == 0)
                #expect(try database.count("session_history WHERE session_id = '\(session.id)'") == 0)
                #expect(try database.count("session_history WHERE session_id = '\(other.id)'") == 1)
                #expect(try database.count("share_links WHERE organisation_id = '\(linde.id)'") == 0)
                #expect(try database.count("organisation_coaches WHERE organisation_id = '\(linde.id)'") == 0)
                // The rest stays: the other organisation, its session, the accounts and the login.
                #expect(try database.count("organisations WHERE id = '\(eik.id)'") == 1)
                #expect(try database.count("interview_sessions WHERE id = '\(other.id)'") == 1)
                #expect(try database.count("coaches") == 2)
                #expect(try database.count("logins WHERE token_hash = '\(login.tokenHash)'") == 1)
                #expect(
                    await storeError { try await store.deleteOrganisation(id: linde.id) }
                        == .notFound("organisation '\(linde.id)'")
                )
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func anUpgradedStoreMakesItsOldestAccountTheAdministratorAndTheOthersCoaches(kind: StoreKind) async throws {
        try await DirectDatabase.with(kind) { location, database in
            let oldest = Sample.coach("zoe@example.nl", at: Sample.time)
            let younger = Sample.coach("anna@example.nl", at: Sample.time(plus: 60))
            try await StoreHarness.withStore(at: location) { store in
                try await store.createCoach(younger)
                try await store.createCoach(oldest)
            }
            // Back to the schema before roles, as a store of the previous version.
            try database.run("ALTER TABLE coaches DROP COLUMN role")
            try database.run("ALTER TABLE coaches DROP COLUMN deactivated_at")
            try database.run("DELETE FROM koers_migrations WHERE name = '2-roles-and-account-state'")

            let roles = try await StoreHarness.withStore(at: location) { store in
                try await store.coaches().map { [$0.email, $0.role.rawValue, $0.isActive ? "active" : "inactive"] }
            }
            #expect(roles == [["anna@example.nl", "coach", "active"], ["zoe@example.nl", "administrator", "active"]])
            #expect(try database.count("coaches WHERE role = 'administrator'") == 1)
        }
    }
}

/// A new database of one kind, with SQL run on it directly: `sqlite3` on the file, `psql` on
/// the PostgreSQL database, so that a test sees what the store really left.
struct DirectDatabase: Sendable {
    private enum Handle: Sendable {
        case sqlite(path: String)
        case postgres(PostgresTestDatabase)
    }

    private let handle: Handle

    /// Runs `body` with the location of a new database and a direct handle on it.
    static func with<T>(_ kind: StoreKind, _ body: (StoreLocation, DirectDatabase) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let folder = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("koers.sqlite").path
            return try await body(.sqlite(path: path), DirectDatabase(handle: .sqlite(path: path)))
        case .postgres:
            return try await PostgresTestDatabase.with { database in
                try await body(.postgres(url: database.url), DirectDatabase(handle: .postgres(database)))
            }
        }
    }

    /// The number of rows `FROM` a table and condition, such as `logins WHERE coach_id = '…'`.
    func count(_ from: String) throws -> Int {
        let output = try run("SELECT COUNT(*) FROM \(from)").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let count = Int(output) else { throw DirectDatabaseFailure(description: "not a count: '\(output)'") }
        return count
    }

    /// Runs SQL and returns what the command-line client printed.
    @discardableResult
    func run(_ sql: String) throws -> String {
        switch handle {
        case .postgres(let database):
            return try database.execute(sql)
        case .sqlite(let path):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sqlite3", "-batch", path, sql]
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let problem = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw DirectDatabaseFailure(
                    description: "sqlite3 failed on '\(sql)': \(String(decoding: problem, as: UTF8.self))"
                )
            }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Why a direct query failed.
struct DirectDatabaseFailure: Error, CustomStringConvertible {
    var description: String
}

/// One history entry: an answer given by a coach, so that deleting its session must remove it too.
private func historyEntry(by coach: CoachAccount) -> SessionHistoryEntry {
    let answer = SessionChange(
        kind: .answer, id: "pm_costs", by: coach.displayName, at: Sample.time, old: nil,
        new: .answer(.given(.money(Decimal(30000))))
    )
    return SessionHistoryEntry(answer, accountID: coach.id)
}
