import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import Testing

/// Constraints the database enforces, and writes that arrive at the same moment: on SQLite they
/// share a transaction (group commit), on PostgreSQL each commits on its own; either way every
/// acknowledged write is kept and a write that may not happen fails alone.
@Suite struct StoreConcurrencyTests {
    @Test(arguments: StoreKind.available)
    func aMissingRecordIsNamedWhicheverReferenceIsMissing(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let coach = Sample.coach("anna@example.nl")
            try await store.createCoach(coach)
            let linde = Sample.organisation("De Linde")
            try await store.createOrganisation(linde, firstCoachID: coach.id)
            let link = ShareLinkRecord(
                id: Sample.id(),
                tokenHash: Sample.hash(),
                organisationID: linde.id,
                sessionIDs: [Sample.id()],
                createdByCoachID: Sample.id(),
                createdAt: Sample.time,
                expiresAt: nil,
                revokedAt: nil
            )
            #expect(
                await storeError { try await store.createShareLink(link) }
                    == .notFound("coach '\(link.createdByCoachID)'")
            )
            #expect(try await store.shareLink(id: link.id) == nil)

            var sameID = link
            sameID.createdByCoachID = coach.id
            try await store.createShareLink(sameID)
            sameID.tokenHash = Sample.hash()
            #expect(
                await storeError { try await store.createShareLink(sameID) }
                    == .duplicate("a share link with id '\(link.id)'")
            )
            var sameToken = link
            sameToken.id = Sample.id()
            sameToken.createdByCoachID = coach.id
            #expect(
                await storeError { try await store.createShareLink(sameToken) }
                    == .duplicate("a share link with this token")
            )
            var sameEmailOtherID = Sample.coach("ANNA@example.nl")
            sameEmailOtherID.id = Sample.id()
            #expect(
                await storeError { try await store.createCoach(sameEmailOtherID) }
                    == .duplicate("a coach account with e-mail address 'ANNA@example.nl'")
            )
        }
    }

    @Test(arguments: StoreKind.available)
    func ofManyAccountsWithOneAddressMadeAtOnceExactlyOneIsKept(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let outcomes = await withTaskGroup(of: StoreError?.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        await storeError {
                            try await store.createCoach(Sample.coach(index % 2 == 0 ? "a@b.nl" : "A@B.NL"))
                        }
                    }
                }
                return await group.reduce(into: [StoreError?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            let refused = outcomes.compactMap { $0 }
            #expect(refused.count == 23)
            let addresses = refused.filter { error in
                guard case .duplicate(let detail) = error else { return false }
                return detail.hasPrefix("a coach account with e-mail address")
            }
            #expect(addresses.count == 23, "\(refused)")
            let count = try await store.coachCount()
            #expect(count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func ofManySavesOfOneRevisionExactlyOneWinsAndTheOthersConflict(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil)
            try await store.createSession(session)
            let outcomes = await withTaskGroup(of: StoreError?.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        var document = session.document
                        document.record(
                            .given(.text("poging \(index)")),
                            for: "user_needs",
                            by: "coach \(index)",
                            at: Sample.time
                        )
                        return await storeError {
                            _ = try await store.updateSession(id: session.id, expectedRevision: 1, document: document)
                        }
                    }
                }
                return await group.reduce(into: [StoreError?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.filter { $0 == .conflict(expected: 1, actual: 2) }.count == 15, "\(outcomes)")
            let stored = try #require(try await store.session(id: session.id))
            #expect(stored.revision == 2)
        }
    }

    /// Many interviews answered at once, each save on the revision it read: all land, in order;
    /// saves that come late on an old revision among them get their conflict and change nothing,
    /// and a broken constraint in the same moment fails alone.
    @Test(arguments: StoreKind.available)
    func concurrentSavesAllLandWhileConflictingOnesFailAlone(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            var sessions: [InterviewRecord] = []
            for _ in 0..<12 {
                let session = try Sample.session(organisationID: nil)
                try await store.createSession(session)
                sessions.append(session)
            }
            let existing = Sample.coach("bestaat@example.nl")
            try await store.createCoach(existing)
            let rounds = 8
            let started = sessions
            let conflicts = await withTaskGroup(of: Int.self) { group in
                for session in started {
                    group.addTask {
                        var conflicts = 0
                        var revision = session.revision
                        for round in 1...rounds {
                            var document = session.document
                            document.record(
                                .given(.text("ronde \(round)")),
                                for: "user_needs",
                                by: "anna",
                                at: Sample.time
                            )
                            // A stale save of the same session, at the same moment as the real one.
                            let current = revision
                            async let stale = storeError {
                                _ = try await store.updateSession(
                                    id: session.id,
                                    expectedRevision: current - 1,
                                    document: session.document
                                )
                            }
                            async let duplicate = storeError {
                                try await store.createCoach(Sample.coach("BESTAAT@example.nl"))
                            }
                            guard
                                let saved = try? await store.updateSession(
                                    id: session.id,
                                    expectedRevision: current,
                                    document: document
                                )
                            else { return -1 }
                            revision = saved.revision
                            if case .conflict = await stale { conflicts += 1 }
                            if case .duplicate = await duplicate {} else { return -1 }
                        }
                        return conflicts
                    }
                }
                return await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(conflicts.allSatisfy { $0 == rounds }, "\(conflicts)")
            for session in sessions {
                let stored = try #require(try await store.session(id: session.id))
                #expect(stored.revision == 1 + rounds)
                #expect(stored.document.answers["user_needs"]?.state == .given(.text("ronde \(rounds)")))
            }
            #expect(try await store.coachCount() == 1)
        }
    }
}
