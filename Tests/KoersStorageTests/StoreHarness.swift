import Foundation
import KoersBuiltins
import KoersCore
import KoersExpression
import KoersInterview
import KoersSession
import KoersStorage
import KoersTestSupport
import Logging
import Testing

/// The stores every shared behaviour test runs against: SQLite always, PostgreSQL when
/// `KOERS_TEST_POSTGRES_URL` names a test server.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [StoreKind] {
        PostgresTestDatabase.isConfigured ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }
}

/// A fresh database of one kind for one test, removed afterwards.
struct StoreHarness {
    static let logger = Logger(label: "koers.storage.tests") { _ in SwiftLogNoOpLogHandler() }

    /// Runs `body` with a location of a new, empty database of a kind.
    static func withLocation<T>(_ kind: StoreKind, _ body: (StoreLocation) async throws -> T) async throws -> T {
        switch kind {
        case .sqlite:
            let folder = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await body(.sqlite(path: folder.appendingPathComponent("koers.sqlite").path))
        case .postgres:
            return try await PostgresTestDatabase.with { database in try await body(.postgres(url: database.url)) }
        }
    }

    /// Runs `body` with an opened store whose ``KoersStore/run()`` runs beside it.
    static func withStore<T: Sendable>(
        at location: StoreLocation,
        _ body: @Sendable (any KoersStore) async throws -> T
    ) async throws -> T {
        let store = try await openStore(location, logger: logger)
        return try await running(store) { try await body(store) }
    }

    /// Runs `body` while the store's ``KoersStore/run()`` runs, and stops it afterwards.
    static func running<T: Sendable>(
        _ store: any KoersStore,
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            let result = try await body()
            group.cancelAll()
            while try await group.next() != nil {}
            return result
        }
    }

    /// Runs `body` with a new store of a kind.
    static func withStore<T: Sendable>(_ kind: StoreKind, _ body: @Sendable (any KoersStore) async throws -> T)
        async throws -> T
    {
        try await withLocation(kind) { location in try await withStore(at: location, body) }
    }
}

/// Records for the tests, with times to the millisecond as the stores keep them.
enum Sample {
    static let time = Date(timeIntervalSince1970: Double(1_763_900_000_123) / 1000)

    /// A time a whole number of milliseconds from 2025-11-23T12:13:20.123Z, made from the
    /// milliseconds so that it is the very value a store reads back.
    static func time(plus seconds: Int) -> Date {
        Date(timeIntervalSince1970: Double(1_763_900_000_123 + Int64(seconds) * 1000) / 1000)
    }

    static func id() -> String { UUID().uuidString }

    static func hash() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
    }

    static func coach(_ email: String, name: String = "Coach", at time: Date = Sample.time) -> CoachAccount {
        CoachAccount(id: id(), email: email, displayName: name, passwordHash: "$2b$12$" + hash(), createdAt: time)
    }

    static func organisation(_ name: String, at time: Date = Sample.time) -> OrganisationRecord {
        OrganisationRecord(id: id(), name: name, createdAt: time)
    }

    static let maturityScan: RulePack? = {
        let registry = try? BuiltinPlugins.registry()
        guard let registry else { return nil }
        return RulePackLoader(registry: registry)
            .load(directory: Fixtures.rulesDirectory.appendingPathComponent("maturity-scan").path).pack
    }()

    /// A session document of the bundled maturity scan with answers of several kinds, a note and
    /// a confirmed override.
    static func document(answers: Int = 3) throws -> SessionFile {
        let pack = try #require(maturityScan, "the bundled maturity-scan pack loads")
        let date = try #require(CalendarDate(year: 2024, month: 5, day: 1))
        let start = Date(timeIntervalSince1970: 1_714_555_800)
        var document = SessionFile(pack: pack, evaluationDate: date, language: "nl", now: start)
        let questions = pack.questions.prefix(answers)
        for (offset, question) in questions.enumerated() {
            document.record(
                .given(.text("niveau_\(offset + 1)")),
                for: question.id,
                by: "anna",
                at: start.addingTimeInterval(Double(offset) * 60),
                note: offset == 0 ? "Besproken met het MT, \"versie 2\" / € 12.500" : nil
            )
        }
        document.record(.given(.money(Decimal(string: "12500.10") ?? 0)), for: "budget", by: "anna", at: start)
        document.record(.unknown, for: "unsure", by: "bert", at: start)
        document.setOverride(
            ScoreOverride(value: Decimal(string: "3.5") ?? 0, justification: "DPIA in review"),
            for: "domain_legal",
            by: "A. Coach",
            at: start
        )
        try document.confirmOverride(for: "domain_legal", by: "B. Tweede", at: start.addingTimeInterval(3600))
        return document
    }

    static func session(
        organisationID: String?,
        label: String = "0-meting",
        resumeTokenHash: String? = nil,
        at time: Date = Sample.time
    ) throws -> InterviewRecord {
        let document = try document()
        return InterviewRecord(
            id: id(),
            organisationID: organisationID,
            label: label,
            packID: document.packID,
            resumeTokenHash: resumeTokenHash,
            revision: 1,
            document: document,
            createdAt: time,
            updatedAt: time
        )
    }
}

/// The store error a call threw, or `nil` when it returned (another error is recorded as an
/// issue, and also gives `nil`).
func storeError(_ body: () async throws -> Void) async -> StoreError? {
    do {
        try await body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(error)")
        return nil
    }
}
