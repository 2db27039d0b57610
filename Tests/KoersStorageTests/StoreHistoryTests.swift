import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import Testing

/// The session history table, on each store: written with the session in one transaction, read
/// back in order, never written when the session is not saved, removed with its session.
@Suite struct StoreHistoryTests {
    @Test(arguments: StoreKind.available)
    func changesAreSavedWithTheSessionAndReadBackInOrder(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let anna = Sample.coach("anna@example.nl", name: "Anna")
            try await store.createCoach(anna)
            let linde = Sample.organisation("De Linde")
            try await store.createOrganisation(linde, firstCoachID: anna.id)
            let session = try Sample.session(organisationID: linde.id)
            let takenOver = SessionChange(
                kind: .takenOver, id: "bc_calculate", by: "Anna", at: Sample.time,
                old: nil, new: .answer(.given(.boolean(true))), source: "Maturity scan 0-meting"
            )
            try await store.createSession(session, changes: [SessionHistoryEntry(takenOver, accountID: anna.id)])

            var document = session.document
            document.history = []
            let first = SessionChange(
                kind: .answer, id: "pm_costs", by: "Anna", at: Sample.time(plus: 60),
                old: .answer(.given(.money(Decimal(30000)))), new: .answer(.unknown)
            )
            let note = SessionChange(
                kind: .note, id: "pm_costs", by: "Anna", at: Sample.time(plus: 60), old: nil, new: .text("Begroting € 12.500, \"v3\"")
            )
            let saved = try await store.updateSession(
                id: session.id, expectedRevision: 1, document: document,
                changes: [SessionHistoryEntry(first, accountID: anna.id), SessionHistoryEntry(note, accountID: anna.id)]
            )
            #expect(saved.revision == 2)
            let override = SessionChange(
                kind: .override, id: "domain_legal", by: "anonymous", at: Sample.time(plus: 120),
                old: nil, new: .override(value: Decimal(string: "3.5") ?? 0, justification: "DPIA")
            )
            _ = try await store.updateSession(
                id: session.id, expectedRevision: 2, document: document,
                changes: [SessionHistoryEntry(override, accountID: nil)]
            )

            let history = try await store.history(ofSession: session.id)
            #expect(history.map(\.position) == [1, 2, 3, 4])
            #expect(history.map(\.change) == [takenOver, first, note, override])
            #expect(history.map(\.accountID) == [anna.id, anna.id, anna.id, nil])
            #expect(try await store.history(ofSession: Sample.id()).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aConflictKeepsNoChangeAndAnUnknownSessionNone(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil)
            try await store.createSession(session)
            let change = SessionChange(kind: .answer, id: "q", by: "anonymous", at: Sample.time, old: nil, new: .answer(.skipped))
            _ = try await store.updateSession(
                id: session.id, expectedRevision: 1, document: session.document,
                changes: [SessionHistoryEntry(change, accountID: nil)]
            )
            #expect(
                await storeError {
                    _ = try await store.updateSession(
                        id: session.id, expectedRevision: 1, document: session.document,
                        changes: [SessionHistoryEntry(change, accountID: nil)]
                    )
                } == .conflict(expected: 1, actual: 2)
            )
            let missing = Sample.id()
            #expect(
                await storeError {
                    _ = try await store.updateSession(
                        id: missing, expectedRevision: 1, document: session.document,
                        changes: [SessionHistoryEntry(change, accountID: nil)]
                    )
                } == .notFound("session '\(missing)'")
            )
            #expect(try await store.history(ofSession: session.id).count == 1)
            #expect(try await store.history(ofSession: missing).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func theHistoryGoesWithItsSession(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil, at: Sample.time(plus: -86_400))
            let change = SessionChange(kind: .answer, id: "q", by: "anonymous", at: Sample.time, old: nil, new: .answer(.unknown))
            try await store.createSession(session, changes: [SessionHistoryEntry(change, accountID: nil)])
            #expect(try await store.history(ofSession: session.id).count == 1)
            #expect(try await store.deleteAnonymousSessions(untouchedSince: Sample.time) == 1)
            #expect(try await store.history(ofSession: session.id).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentSavesKeepEveryWinnersChangesOnly(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil)
            try await store.createSession(session)
            // Ten writers race for revision 1: exactly one wins, and only its change is kept.
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<10 {
                    group.addTask {
                        let change = SessionChange(
                            kind: .answer, id: "q\(writer)", by: "w\(writer)", at: Sample.time, old: nil, new: .answer(.skipped)
                        )
                        do {
                            _ = try await store.updateSession(
                                id: session.id, expectedRevision: 1, document: session.document,
                                changes: [SessionHistoryEntry(change, accountID: nil)]
                            )
                            return true
                        } catch StoreError.conflict {
                            return false
                        }
                    }
                }
                var count = 0
                for try await won in group where won { count += 1 }
                return count
            }
            #expect(wins == 1)
            let history = try await store.history(ofSession: session.id)
            #expect(history.count == 1)
        }
    }
}
