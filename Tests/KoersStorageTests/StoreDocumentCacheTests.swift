import Foundation
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import Testing

/// A store keeps the documents of the sessions it used last, so that an answer decodes no JSON;
/// the database still decides in the same query whether the document held is the current one.
/// Two stores on one database stand for two server processes.
@Suite struct StoreDocumentCacheTests {
    @Test(arguments: StoreKind.available)
    func aSessionChangedThroughAnotherStoreIsReadAsChanged(kind: StoreKind) async throws {
        try await StoreHarness.withLocation(kind) { location in
            try await StoreHarness.withStore(at: location) { first in
                try await StoreHarness.withStore(at: location) { second in
                    let session = try Sample.session(organisationID: nil, resumeTokenHash: Sample.hash())
                    try await first.createSession(session)
                    #expect(try await second.session(id: session.id) == session)

                    // Saved through the first store: the second one, holding revision 1, reads revision 2.
                    var changed = session.document
                    changed.record(.given(.text("niveau_4")), for: "user_needs", by: "anna", at: Sample.time(plus: 60))
                    let saved = try await first.updateSession(id: session.id, expectedRevision: 1, document: changed)
                    #expect(try await second.session(id: session.id) == saved)
                    // The document held after a save is the one a store reads back from the row.
                    #expect(try await first.session(id: session.id) == saved)

                    var again = saved.document
                    again.record(
                        .unknown,
                        for: "user_needs",
                        by: "bert",
                        at: Sample.time(plus: 120),
                        note: "€ \"nog\" na/te gaan"
                    )
                    let savedAgain = try await second.updateSession(
                        id: session.id,
                        expectedRevision: 2,
                        document: again
                    )
                    #expect(savedAgain.revision == 3)
                    #expect(try await first.session(id: session.id) == savedAgain)

                    // Removed and made again under the same id, at revision 1 once more: not the
                    // document held for the old one.
                    try await second.deleteSession(id: session.id)
                    #expect(try await first.session(id: session.id) == nil)
                    var remade = try Sample.session(organisationID: nil, at: Sample.time(plus: 3600))
                    remade.id = session.id
                    remade.document.record(.skipped, for: "user_needs", by: "carla", at: Sample.time(plus: 3600))
                    try await second.createSession(remade)
                    #expect(try await first.session(id: session.id) == remade)
                }
            }
        }
    }

    /// An answer changes the session as the store holds it, without reading it first; the save
    /// checks that the row is still that version, so another store's save or a removal in
    /// between makes it save nothing (and add no history), and the caller reads the session.
    @Test(arguments: StoreKind.available)
    func aHeldSessionIsSavedOnlyWhileItsRowIsStillThatVersion(kind: StoreKind) async throws {
        try await StoreHarness.withLocation(kind) { location in
            try await StoreHarness.withStore(at: location) { first in
                try await StoreHarness.withStore(at: location) { second in
                    let session = try Sample.session(organisationID: nil, resumeTokenHash: Sample.hash())
                    try await first.createSession(session)
                    #expect(second.heldSession(id: session.id) == nil)
                    let held = try #require(first.heldSession(id: session.id))
                    #expect(held.record == session)

                    func change(_ by: String, _ seconds: Int) -> SessionHistoryEntry {
                        SessionHistoryEntry(
                            SessionChange(
                                kind: .answer,
                                id: "user_needs",
                                by: by,
                                at: Sample.time(plus: seconds),
                                old: nil,
                                new: .answer(.unknown)
                            ),
                            accountID: nil
                        )
                    }
                    var changed = session.document
                    changed.record(.given(.text("niveau_4")), for: "user_needs", by: "anna", at: Sample.time(plus: 60))
                    let saved = try #require(
                        try await first.updateHeldSession(held, document: changed, changes: [change("anna", 60)])
                    )
                    #expect(saved.revision == 2 && saved.document == changed)
                    #expect(try await second.session(id: session.id) == saved)
                    let heldAgain = try #require(first.heldSession(id: session.id))
                    #expect(heldAgain.record == saved)

                    // Saved through the second store in between: the first one's held version is refused.
                    var other = saved.document
                    other.record(.skipped, for: "user_needs", by: "bert", at: Sample.time(plus: 120))
                    let savedBySecond = try await second.updateSession(
                        id: session.id,
                        expectedRevision: 2,
                        document: other
                    )
                    #expect(
                        try await first.updateHeldSession(heldAgain, document: changed, changes: [change("carla", 180)])
                            == nil
                    )
                    #expect(try await second.session(id: session.id) == savedBySecond)
                    #expect(try await second.history(ofSession: session.id).map(\.change.by) == ["anna"])

                    // Removed and made again under the same id at revision 1: a held revision 1 of the
                    // old session is not taken for it.
                    let remadeHeld = try #require(first.heldSession(id: session.id))
                    try await second.deleteSession(id: session.id)
                    #expect(try await first.updateHeldSession(remadeHeld, document: changed, changes: []) == nil)
                    var remade = try Sample.session(organisationID: nil, at: Sample.time(plus: 3600))
                    remade.id = session.id
                    try await second.createSession(remade)
                    #expect(try await first.updateHeldSession(held, document: changed, changes: []) == nil)
                    #expect(try await first.session(id: session.id) == remade)
                }
            }
        }
    }
}
