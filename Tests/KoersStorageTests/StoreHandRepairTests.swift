import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import Testing

/// A session repaired by hand in the database (`sqlite3`, `psql`) without raising its revision
/// gets a raised revision all the same (schema step 4), so a server holding the session as it
/// was neither shows the old one nor saves its next answer over the repair.
@Suite struct StoreHandRepairTests {
    @Test(arguments: StoreKind.available)
    func aRepairThatKeepsTheRevisionRaisesIt(kind: StoreKind) async throws {
        try await DirectDatabase.with(kind) { location, database in
            try await StoreHarness.withStore(at: location) { store in
                let session = try Sample.session(organisationID: nil, resumeTokenHash: Sample.hash())
                try await store.createSession(session)
                let held = try #require(store.heldSession(id: session.id))

                // The repair: another document, written as the store writes one, the revision
                // left alone.
                var repaired = session.document
                repaired.record(.given(.text("niveau_2")), for: "user_needs", by: "beheer", at: Sample.time(plus: 30))
                let text = String(decoding: repaired.compactJSON(), as: UTF8.self)
                    .replacingOccurrences(of: "'", with: "''")
                try database.run("UPDATE interview_sessions SET document = '\(text)' WHERE id = '\(session.id)'")
                #expect(try database.count("interview_sessions WHERE revision = 2") == 1)

                // The held version is refused, and the session reads as repaired.
                var answered = session.document
                answered.record(.given(.text("niveau_4")), for: "user_needs", by: "anna", at: Sample.time(plus: 60))
                #expect(try await store.updateHeldSession(held, document: answered, changes: []) == nil)
                let read = try #require(try await store.session(id: session.id))
                #expect(read.revision == 2 && read.document == repaired)

                // Koers's own saves raise the revision once, as before.
                let saved = try await store.updateSession(id: session.id, expectedRevision: 2, document: answered)
                #expect(saved.revision == 3)
                #expect(try database.count("interview_sessions WHERE revision = 3") == 1)

                // A repair that raises the revision itself is raised once, not twice; one of
                // another column raises it as well.
                try database.run(
                    "UPDATE interview_sessions SET document = '\(text)', revision = revision + 1 WHERE id = '\(session.id)'"
                )
                #expect(try database.count("interview_sessions WHERE revision = 4") == 1)
                try database.run("UPDATE interview_sessions SET label = 'nameting' WHERE id = '\(session.id)'")
                #expect(try database.count("interview_sessions WHERE revision = 5") == 1)
                #expect(try await store.session(id: session.id)?.label == "nameting")
            }
        }
    }
}
