import Foundation
import KoersStorage
import KoersTestSupport
import Testing

/// Opening stores: locations, missing folders, files that are not databases, servers that are
/// not there.
@Suite struct StoreOpeningTests {
    @Test func locationsAreReadFromTheDatabaseOption() throws {
        #expect(try StoreLocation(parsing: "sqlite:data/koers.sqlite") == .sqlite(path: "data/koers.sqlite"))
        #expect(
            try StoreLocation(parsing: "sqlite:///var/lib/koers/koers.sqlite")
                == .sqlite(path: "/var/lib/koers/koers.sqlite")
        )
        #expect(try StoreLocation(parsing: "sqlite://data/k.sqlite") == .sqlite(path: "data/k.sqlite"))
        #expect(
            try StoreLocation(parsing: "postgres://koers:geheim@db.example.nl:5433/koers")
                == .postgres(url: "postgres://koers:geheim@db.example.nl:5433/koers")
        )
        #expect(
            try StoreLocation(parsing: "postgresql://koers@localhost/koers?sslmode=disable")
                == .postgres(url: "postgresql://koers@localhost/koers?sslmode=disable")
        )
        #expect(
            StoreLocation.postgres(url: "postgres://koers:geheim@db:5432/k").displayText
                == "postgres://koers:***@db:5432/k"
        )
    }

    @Test(arguments: [
        ("mysql://koers:geheim@db/koers", "neither sqlite:PATH nor postgres://"),
        ("koers.sqlite", "neither sqlite:PATH nor postgres://"),
        ("sqlite:", "names no file"),
        ("postgres://koers:geheim@/koers", "names no host"),
        ("postgres://db.example.nl/koers", "names no user"),
        ("postgres://koers:geheim@db.example.nl:5432/", "names no database"),
        ("postgres://koers:geheim@db.example.nl/koers?sslmode=sometimes", "sslmode 'sometimes'"),
        ("postgres://koers:geheim@db.example.nl/koers?timeout=3", "only sslmode"),
    ])
    func badLocationsAreExplainedWithoutThePassword(text: String, expected: String) {
        do {
            let location = try StoreLocation(parsing: text)
            Issue.record("'\(text)' was read as \(location)")
        } catch {
            guard case .invalidURL(let message) = error else {
                Issue.record("expected .invalidURL, got \(error)")
                return
            }
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains("geheim"), "\(message)")
            #expect(error.description.hasPrefix("invalid database location: "))
        }
    }

    @Test(arguments: StoreKind.available)
    func aStoreAnswersAPingBeforeItsRunLoopStarts(kind: StoreKind) async throws {
        try await StoreHarness.withLocation(kind) { location in
            let store = try await openStore(location, logger: StoreHarness.logger)
            try await store.ping()
            try await StoreHarness.running(store) { try await store.ping() }
        }
    }

    @Test func aSQLiteFileInMissingFoldersIsCreated() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data/nested/koers.sqlite").path
        try await StoreHarness.withStore(at: .sqlite(path: path)) { store in
            try await store.createCoach(Sample.coach("anna@example.nl"))
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aSQLitePathThatCannotBeMadeIsUnavailable() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: file)
        for path in [
            file.appendingPathComponent("koers.sqlite").path, file.appendingPathComponent("sub/koers.sqlite").path,
        ] {
            let error = await storeError { _ = try await openStore(.sqlite(path: path), logger: StoreHarness.logger) }
            guard case .unavailable(let message) = error else {
                Issue.record("expected .unavailable for \(path), got \(String(describing: error))")
                continue
            }
            #expect(message.contains(path), "\(message)")
        }
    }

    @Test func aFileThatIsNotADatabaseIsCorruptAndLeftAlone() async throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notes.sqlite")
        let contents = Data(String(repeating: "Dit is geen database maar een notitie.\n", count: 200).utf8)
        try contents.write(to: file)
        let error = await storeError { _ = try await openStore(.sqlite(path: file.path), logger: StoreHarness.logger) }
        guard case .corrupt(let message) = error else {
            Issue.record("expected .corrupt, got \(String(describing: error))")
            return
        }
        #expect(message.contains(file.path) && message.contains("not a SQLite database"), "\(message)")
        #expect(try Data(contentsOf: file) == contents)
    }

    @Test func aPostgreSQLServerThatIsNotThereIsUnavailableNamingTheHostNotThePassword() async throws {
        // A port on loopback that nothing listens on: bind-free ports are refused at once.
        let url = "postgres://koers:zeergeheim@127.0.0.1:9/koers?sslmode=disable"
        let error = await storeError { _ = try await openStore(.postgres(url: url), logger: StoreHarness.logger) }
        guard case .unavailable(let message) = error else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("127.0.0.1:9"), "\(message)")
        #expect(!message.contains("zeergeheim"), "\(message)")
    }

    @Test(.enabled(if: PostgresTestDatabase.isConfigured))
    func aPostgreSQLDatabaseThatDoesNotExistIsUnavailableWithHowToFixIt() async throws {
        let database = try PostgresTestDatabase.create()
        try database.drop()
        let error = await storeError {
            _ = try await openStore(.postgres(url: database.url), logger: StoreHarness.logger)
        }
        guard case .unavailable(let message) = error else {
            Issue.record("expected .unavailable, got \(String(describing: error))")
            return
        }
        #expect(message.contains(database.name) && message.contains("createdb"), "\(message)")
    }

    @Test(.enabled(if: PostgresTestDatabase.isConfigured))
    func aDamagedRowIsReportedAsCorruptNamingWhatIsWrong() async throws {
        try await PostgresTestDatabase.with { database in
            try await StoreHarness.withStore(at: .postgres(url: database.url)) { store in
                let session = try Sample.session(organisationID: nil)
                try await store.createSession(session)
                let coach = Sample.coach("anna@example.nl")
                try await store.createCoach(coach)
                // A change made outside Koers raises the revision, as every save does: the store
                // holds the documents it read or wrote at their revision.
                try database.execute(
                    "UPDATE interview_sessions SET document = '{\"format\": \"koers-session/1\"', revision = revision + 1"
                )
                try database.execute("UPDATE coaches SET created_at = 'gisteren'")

                let documentError = await storeError { _ = try await store.session(id: session.id) }
                guard case .corrupt(let message) = documentError else {
                    Issue.record("expected .corrupt, got \(String(describing: documentError))")
                    return
                }
                #expect(message.contains(session.id), "\(message)")
                let timeError = await storeError { _ = try await store.coach(id: coach.id) }
                #expect(
                    timeError
                        == .corrupt(
                            "column coaches.created_at holds 'gisteren', not a time such as 2024-05-01T09:30:00.000Z"
                        )
                )
            }
        }
    }

    @Test(.enabled(if: PostgresTestDatabase.isConfigured))
    func aPostgreSQLSchemaOfANewerKoersIsRefused() async throws {
        try await PostgresTestDatabase.with { database in
            try await StoreHarness.withStore(at: .postgres(url: database.url)) { store in try await store.ping() }
            #expect(try database.execute("SELECT name FROM koers_migrations ORDER BY position").contains("1-"))
            try database.execute(
                "INSERT INTO koers_migrations (position, name, applied_at) VALUES (99, '99-from-the-future', 'x')"
            )
            let error = await storeError {
                _ = try await openStore(.postgres(url: database.url), logger: StoreHarness.logger)
            }
            guard case .corrupt(let message) = error else {
                Issue.record("expected .corrupt, got \(String(describing: error))")
                return
            }
            #expect(message.contains("99-from-the-future") && message.contains("newer Koers"), "\(message)")
        }
    }
}
