import Foundation
import KoersTestSupport
import Testing

@testable import KoersStorage

/// `/health` asks the store's ping; under load the store's own statements stand in for it, but
/// only while they keep coming back.
@Suite struct StoreLivenessTests {
    @Test func aStoreThatNeverAnsweredIsAskedAgain() {
        #expect(!StoreLiveness().answeredRecently)
    }

    @Test func anAnswerCountsUntilAFailureComesAfterIt() {
        let liveness = StoreLiveness()
        liveness.answered()
        #expect(liveness.answeredRecently)
        liveness.failed()
        #expect(!liveness.answeredRecently)
        liveness.answered()
        #expect(liveness.answeredRecently)
    }

    @Test func aSQLiteStorePingsAndThenAnswersFromItsOwnStatements() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLStore(driver: SQLiteDriver(path: folder.appendingPathComponent("koers.sqlite").path))
        #expect(!store.liveness.answeredRecently)
        try await store.ping()
        #expect(store.liveness.answeredRecently)
        _ = try await store.coachCount()
        #expect(store.liveness.answeredRecently)
    }
}
