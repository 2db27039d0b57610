import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import Testing

/// The behaviour every store must have, run against each kind on a fresh database.
@Suite struct StoreBehaviourTests {
    @Test(arguments: StoreKind.available)
    func coachesAreFoundByIDAndByEmailInAnyCase(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            #expect(try await store.coachCount() == 0)
            let anna = Sample.coach("Anna.de.Vries@Example.NL", name: "Anna de Vries")
            try await store.createCoach(anna)
            #expect(try await store.coach(email: "anna.de.vries@example.nl") == anna)
            #expect(try await store.coach(email: "ANNA.DE.VRIES@EXAMPLE.NL") == anna)
            #expect(try await store.coach(id: anna.id) == anna)
            #expect(try await store.coach(email: "bert@example.nl") == nil)
            #expect(try await store.coach(id: Sample.id()) == nil)

            let again = await storeError { try await store.createCoach(Sample.coach("anna.DE.vries@example.nl")) }
            guard case .duplicate(let detail) = again else {
                Issue.record("a second account with the same e-mail in another case: \(String(describing: again))")
                return
            }
            #expect(detail.contains("anna.DE.vries@example.nl"))
            var sameID = Sample.coach("bert@example.nl")
            sameID.id = anna.id
            guard case .duplicate = await storeError({ try await store.createCoach(sameID) }) else {
                Issue.record("a second account with the same id was accepted")
                return
            }
            try await store.createCoach(Sample.coach("bert@example.nl"))
            #expect(try await store.coachCount() == 2)
        }
    }

    @Test(arguments: StoreKind.available)
    func loginsAreSavedFoundAndDeleted(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let coach = Sample.coach("anna@example.nl")
            try await store.createCoach(coach)
            let login = LoginRecord(
                tokenHash: Sample.hash(),
                coachID: coach.id,
                csrfToken: Sample.hash(),
                createdAt: Sample.time,
                expiresAt: Sample.time(plus: 8 * 3600)
            )
            try await store.createLogin(login)
            #expect(try await store.login(tokenHash: login.tokenHash) == login)
            #expect(try await store.login(tokenHash: Sample.hash()) == nil)
            #expect(await storeError { try await store.createLogin(login) } == .duplicate("a login with this token"))

            var stranger = login
            stranger.tokenHash = Sample.hash()
            stranger.coachID = Sample.id()
            #expect(
                await storeError { try await store.createLogin(stranger) } == .notFound("coach '\(stranger.coachID)'")
            )
            #expect(try await store.login(tokenHash: stranger.tokenHash) == nil)

            try await store.deleteLogin(tokenHash: login.tokenHash)
            #expect(try await store.login(tokenHash: login.tokenHash) == nil)
            try await store.deleteLogin(tokenHash: login.tokenHash)  // gone already: no error
        }
    }

    @Test(arguments: StoreKind.available)
    func coachesSeeOnlyTheirOwnOrganisations(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let anna = Sample.coach("anna@example.nl")
            let bert = Sample.coach("bert@example.nl")
            try await store.createCoach(anna)
            try await store.createCoach(bert)
            let zorg = Sample.organisation("Zorggroep De Linde")
            let thuis = Sample.organisation("Thuiszorg Aan de Rivier", at: Sample.time(plus: 60))
            try await store.createOrganisation(zorg, firstCoachID: anna.id)
            try await store.createOrganisation(thuis, firstCoachID: bert.id)

            #expect(try await store.organisation(id: zorg.id) == zorg)
            #expect(try await store.organisation(id: Sample.id()) == nil)
            #expect(try await store.organisations(ofCoach: anna.id) == [zorg])
            #expect(try await store.organisations(ofCoach: bert.id) == [thuis])
            #expect(try await store.isCoach(anna.id, ofOrganisation: zorg.id))
            #expect(try await !store.isCoach(anna.id, ofOrganisation: thuis.id))
            #expect(try await !store.isCoach(bert.id, ofOrganisation: zorg.id))

            try await store.addCoach(id: bert.id, toOrganisation: zorg.id)
            try await store.addCoach(id: bert.id, toOrganisation: zorg.id)  // already: no error, no copy
            #expect(try await store.isCoach(bert.id, ofOrganisation: zorg.id))
            #expect(try await store.organisations(ofCoach: bert.id) == [thuis, zorg])  // by name
            #expect(try await store.organisations(ofCoach: anna.id) == [zorg])

            let nobody = Sample.id()
            #expect(
                await storeError { try await store.addCoach(id: nobody, toOrganisation: zorg.id) }
                    == .notFound("coach '\(nobody)'")
            )
            let nowhere = Sample.id()
            #expect(
                await storeError { try await store.addCoach(id: anna.id, toOrganisation: nowhere) }
                    == .notFound("organisation '\(nowhere)'")
            )
            // An organisation whose first coach does not exist is not made at all.
            let orphan = Sample.organisation("Wees")
            #expect(
                await storeError { try await store.createOrganisation(orphan, firstCoachID: nobody) }
                    == .notFound("coach '\(nobody)'")
            )
            #expect(try await store.organisation(id: orphan.id) == nil)
            #expect(
                await storeError { try await store.createOrganisation(zorg, firstCoachID: anna.id) }
                    == .duplicate("an organisation with id '\(zorg.id)'")
            )
        }
    }

    @Test(arguments: StoreKind.available)
    func sessionsAreCreatedFoundListedAndUpdated(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let coach = Sample.coach("anna@example.nl")
            try await store.createCoach(coach)
            let linde = Sample.organisation("De Linde")
            let rivier = Sample.organisation("Aan de Rivier")
            try await store.createOrganisation(linde, firstCoachID: coach.id)
            try await store.createOrganisation(rivier, firstCoachID: coach.id)

            let followUp = try Sample.session(
                organisationID: linde.id,
                label: "1-meting",
                at: Sample.time(plus: 86_400)
            )
            let baseline = try Sample.session(organisationID: linde.id, label: "0-meting")
            let elsewhere = try Sample.session(organisationID: rivier.id)
            let resumeHash = Sample.hash()
            let anonymous = try Sample.session(organisationID: nil, resumeTokenHash: resumeHash)
            for session in [followUp, baseline, elsewhere, anonymous] { try await store.createSession(session) }

            #expect(try await store.session(id: baseline.id) == baseline)
            #expect(try await store.session(id: anonymous.id) == anonymous)
            #expect(try await store.session(id: Sample.id()) == nil)
            #expect(try await store.session(resumeTokenHash: resumeHash) == anonymous)
            #expect(try await store.session(resumeTokenHash: Sample.hash()) == nil)
            #expect(try await store.sessions(ofOrganisation: linde.id) == [baseline, followUp])  // oldest first
            #expect(try await store.sessions(ofOrganisation: rivier.id) == [elsewhere])
            #expect(try await store.sessions(ofOrganisation: Sample.id()) == [])

            var document = baseline.document
            document.record(.given(.text("niveau_5")), for: "user_needs", by: "bert", at: Sample.time)
            let saved = try await store.updateSession(id: baseline.id, expectedRevision: 1, document: document)
            #expect(saved.revision == 2)
            #expect(saved.document == document)
            #expect(saved.createdAt == baseline.createdAt)
            #expect(saved.label == baseline.label && saved.organisationID == linde.id)
            #expect(try await store.session(id: baseline.id) == saved)
            #expect(try await store.session(id: followUp.id) == followUp)  // the other one is untouched

            var resumed = anonymous.document
            resumed.record(.skipped, for: "user_capacity", by: "anoniem", at: Sample.time)
            let anonymousSaved = try await store.updateSession(id: anonymous.id, expectedRevision: 1, document: resumed)
            #expect(try await store.session(resumeTokenHash: resumeHash) == anonymousSaved)
        }
    }

    @Test(arguments: StoreKind.available)
    func aStaleRevisionIsAConflictAndChangesNothing(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil)
            try await store.createSession(session)
            var first = session.document
            first.record(.given(.text("eerste")), for: "user_needs", by: "anna", at: Sample.time)
            var second = session.document
            second.record(.given(.text("tweede")), for: "user_needs", by: "bert", at: Sample.time)

            let saved = try await store.updateSession(id: session.id, expectedRevision: 1, document: first)
            #expect(
                await storeError {
                    _ = try await store.updateSession(id: session.id, expectedRevision: 1, document: second)
                }
                    == .conflict(expected: 1, actual: 2)
            )
            #expect(try await store.session(id: session.id) == saved)
            #expect(
                await storeError {
                    _ = try await store.updateSession(id: session.id, expectedRevision: 7, document: second)
                }
                    == .conflict(expected: 7, actual: 2)
            )
            let missing = Sample.id()
            #expect(
                await storeError {
                    _ = try await store.updateSession(id: missing, expectedRevision: 1, document: second)
                }
                    == .notFound("session '\(missing)'")
            )
            let third = try await store.updateSession(id: session.id, expectedRevision: 2, document: second)
            #expect(third.revision == 3)
            #expect(third.document.answers["user_needs"]?.answeredBy == "bert")
        }
    }

    @Test(arguments: StoreKind.available)
    func duplicateAndDanglingSessionsAreRefused(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let resumeHash = Sample.hash()
            let session = try Sample.session(organisationID: nil, resumeTokenHash: resumeHash)
            try await store.createSession(session)
            // The same record again breaks both keys; the database names one of them.
            let again = await storeError { try await store.createSession(session) }
            #expect(
                again == .duplicate("a session with id '\(session.id)'")
                    || again == .duplicate("a session with this resume token"),
                "\(String(describing: again))"
            )
            var sameID = session
            sameID.resumeTokenHash = Sample.hash()
            #expect(
                await storeError { try await store.createSession(sameID) }
                    == .duplicate("a session with id '\(session.id)'")
            )
            let sameToken = try Sample.session(organisationID: nil, resumeTokenHash: resumeHash)
            #expect(
                await storeError { try await store.createSession(sameToken) }
                    == .duplicate("a session with this resume token")
            )
            let nowhere = Sample.id()
            let dangling = try Sample.session(organisationID: nowhere)
            #expect(
                await storeError { try await store.createSession(dangling) } == .notFound("organisation '\(nowhere)'")
            )
            #expect(try await store.session(id: dangling.id) == nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func theSessionDocumentRoundTripsWithAnswersNotesAndOverrides(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let session = try Sample.session(organisationID: nil)
            #expect(session.document.answers.count >= 5)
            #expect(session.document.scoreOverrides["domain_legal"]?.confirmedBy == "B. Tweede")
            try await store.createSession(session)
            let read = try #require(try await store.session(id: session.id))
            #expect(read.document == session.document)
            #expect(read.document.answers["budget"]?.state == .given(.money(Decimal(string: "12500.10") ?? 0)))
            #expect(
                read.document.answers.values.contains { $0.note == "Besproken met het MT, \"versie 2\" / € 12.500" }
            )
            #expect(read.document.answers["unsure"]?.state == .unknown)
            // The stored document is the CLI's koers-session/1 file, byte for byte.
            #expect(
                try SessionStore.encode(read.document, path: "read")
                    == SessionStore.encode(session.document, path: "given")
            )
        }
    }

    @Test(arguments: StoreKind.available)
    func shareLinksAreCreatedListedAndRevoked(kind: StoreKind) async throws {
        try await StoreHarness.withStore(kind) { store in
            let coach = Sample.coach("anna@example.nl")
            try await store.createCoach(coach)
            let linde = Sample.organisation("De Linde")
            let other = Sample.organisation("Elders")
            try await store.createOrganisation(linde, firstCoachID: coach.id)
            try await store.createOrganisation(other, firstCoachID: coach.id)
            let baseline = try Sample.session(organisationID: linde.id)
            let followUp = try Sample.session(organisationID: linde.id, label: "1-meting")
            try await store.createSession(baseline)
            try await store.createSession(followUp)

            let comparison = ShareLinkRecord(
                id: Sample.id(),
                tokenHash: Sample.hash(),
                organisationID: linde.id,
                sessionIDs: [baseline.id, followUp.id],
                createdByCoachID: coach.id,
                createdAt: Sample.time,
                expiresAt: Sample.time(plus: 30 * 86_400),
                revokedAt: nil
            )
            let single = ShareLinkRecord(
                id: Sample.id(),
                tokenHash: Sample.hash(),
                organisationID: linde.id,
                sessionIDs: [baseline.id],
                createdByCoachID: coach.id,
                createdAt: Sample.time(plus: 10),
                expiresAt: nil,
                revokedAt: nil
            )
            try await store.createShareLink(single)
            try await store.createShareLink(comparison)

            #expect(try await store.shareLink(tokenHash: comparison.tokenHash) == comparison)
            #expect(try await store.shareLink(id: single.id) == single)
            #expect(try await store.shareLink(tokenHash: Sample.hash()) == nil)
            #expect(try await store.shareLink(id: Sample.id()) == nil)
            #expect(try await store.shareLinks(ofOrganisation: linde.id) == [comparison, single])
            #expect(try await store.shareLinks(ofOrganisation: other.id) == [])

            try await store.revokeShareLink(id: comparison.id, at: Sample.time(plus: 3600))
            var revoked = comparison
            revoked.revokedAt = Sample.time(plus: 3600)
            #expect(try await store.shareLink(tokenHash: comparison.tokenHash) == revoked)
            try await store.revokeShareLink(id: comparison.id, at: Sample.time(plus: 7200))  // keeps the first time
            #expect(try await store.shareLink(id: comparison.id)?.revokedAt == Sample.time(plus: 3600))
            #expect(try await store.shareLink(id: single.id)?.revokedAt == nil)

            let missing = Sample.id()
            #expect(
                await storeError { try await store.revokeShareLink(id: missing, at: Sample.time) }
                    == .notFound("share link '\(missing)'")
            )
            var sameToken = single
            sameToken.id = Sample.id()
            guard case .duplicate = await storeError({ try await store.createShareLink(sameToken) }) else {
                Issue.record("a second link with the same token was accepted")
                return
            }
            var dangling = single
            dangling.id = Sample.id()
            dangling.tokenHash = Sample.hash()
            dangling.organisationID = Sample.id()
            #expect(
                await storeError { try await store.createShareLink(dangling) }
                    == .notFound("organisation '\(dangling.organisationID)'")
            )
        }
    }

    @Test(arguments: StoreKind.available)
    func openingAgainKeepsTheDataAndMigratesOnce(kind: StoreKind) async throws {
        try await StoreHarness.withLocation(kind) { location in
            let coach = Sample.coach("anna@example.nl")
            try await StoreHarness.withStore(at: location) { store in try await store.createCoach(coach) }
            try await StoreHarness.withStore(at: location) { store in
                #expect(try await store.coach(id: coach.id) == coach)
                #expect(try await store.coachCount() == 1)
                try await store.ping()
            }
            let count = try await StoreHarness.withStore(at: location) { store in try await store.coachCount() }
            #expect(count == 1)
        }
    }

    @Test(arguments: StoreKind.available)
    func twoInstancesOnOneDatabaseSeeEachOthersWritesAndOneOfTwoSavesWins(kind: StoreKind) async throws {
        try await StoreHarness.withLocation(kind) { location in
            // Two "server instances" start at once on a new database: both migrate safely.
            async let openingFirst = openStore(location, logger: StoreHarness.logger)
            async let openingSecond = openStore(location, logger: StoreHarness.logger)
            let (first, second) = try await (openingFirst, openingSecond)
            try await StoreHarness.running(first) {
                try await StoreHarness.running(second) {
                    let coach = Sample.coach("anna@example.nl")
                    try await first.createCoach(coach)
                    #expect(try await second.coach(email: "ANNA@example.nl") == coach)
                    guard
                        case .duplicate = await storeError({
                            try await second.createCoach(Sample.coach("Anna@Example.nl"))
                        })
                    else {
                        Issue.record("the second instance made a second account with the same e-mail")
                        return
                    }

                    let session = try Sample.session(organisationID: nil)
                    try await second.createSession(session)
                    #expect(try await first.session(id: session.id) == session)

                    var mine = session.document
                    mine.record(.given(.text("van de eerste")), for: "user_needs", by: "anna", at: Sample.time)
                    var theirs = session.document
                    theirs.record(.given(.text("van de tweede")), for: "user_needs", by: "bert", at: Sample.time)
                    _ = try await first.updateSession(id: session.id, expectedRevision: 1, document: mine)
                    #expect(
                        await storeError {
                            _ = try await second.updateSession(id: session.id, expectedRevision: 1, document: theirs)
                        }
                            == .conflict(expected: 1, actual: 2)
                    )
                    #expect(try await second.session(id: session.id)?.document == mine)

                    // Both save revision 2 at the same moment: exactly one wins.
                    async let fromFirst = storeError {
                        _ = try await first.updateSession(id: session.id, expectedRevision: 2, document: theirs)
                    }
                    async let fromSecond = storeError {
                        _ = try await second.updateSession(id: session.id, expectedRevision: 2, document: mine)
                    }
                    let outcomes = await [fromFirst, fromSecond]
                    #expect(outcomes.filter { $0 == nil }.count == 1)
                    #expect(outcomes.filter { $0 == .conflict(expected: 2, actual: 3) }.count == 1)
                    #expect(try await first.session(id: session.id)?.revision == 3)
                }
            }
        }
    }
}
