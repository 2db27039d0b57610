public import Foundation

/// A fresh, uniquely named PostgreSQL database for one test, made on the throwaway server that
/// `KOERS_TEST_POSTGRES_URL` points at (`eval "$(bash scripts/postgres start)"` sets it), with
/// the `psql` command-line client, so that test support needs no database library.
///
/// ```swift
/// try await PostgresTestDatabase.with { url in
///     let store = try await openStore(.postgres(url: url), logger: logger)
///     …
/// }
/// ```
public struct PostgresTestDatabase: Sendable {
    /// The error of a `psql` run that failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What `psql` printed.
        public var description: String
    }

    /// The administrator URL of the test server, from `KOERS_TEST_POSTGRES_URL`, or `nil` when
    /// PostgreSQL tests are not to run.
    public static var adminURL: String? {
        guard let url = ProcessInfo.processInfo.environment["KOERS_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }

    /// Whether a test server is configured.
    public static var isConfigured: Bool { adminURL != nil }

    /// The database's name, `koers_test_` and 32 hex digits.
    public let name: String
    /// The URL of the database: the administrator URL with the database name replaced.
    public let url: String
    private let adminURL: String

    /// Creates a new empty database.
    ///
    /// - Throws: ``Failure`` when no server is configured or `psql` fails.
    public static func create() throws -> PostgresTestDatabase {
        guard let adminURL else {
            throw Failure(
                description: "KOERS_TEST_POSTGRES_URL is not set; run: eval \"$(bash scripts/postgres start)\""
            )
        }
        let name = "koers_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        guard var components = URLComponents(string: adminURL) else {
            throw Failure(description: "KOERS_TEST_POSTGRES_URL is not a URL")
        }
        components.path = "/" + name
        guard let url = components.string else { throw Failure(description: "cannot make the URL of \(name)") }
        let database = PostgresTestDatabase(name: name, url: url, adminURL: adminURL)
        try database.psql("CREATE DATABASE \(name)")
        return database
    }

    /// Drops the database, ending any connections still open to it.
    ///
    /// - Throws: ``Failure`` when `psql` fails.
    public func drop() throws {
        try psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs SQL on this database (not the administrator's) and returns what `psql` printed,
    /// unaligned and without headers.
    ///
    /// - Parameter sql: The statements.
    /// - Returns: The output.
    /// - Throws: ``Failure`` when `psql` fails.
    @discardableResult
    public func execute(_ sql: String) throws -> String {
        try Self.psql(url: url, sql)
    }

    /// Runs `body` with the URL of a new database, and drops the database afterwards, also when
    /// `body` throws.
    ///
    /// - Parameter body: The test.
    /// - Returns: What `body` returns.
    /// - Throws: ``Failure`` when the database cannot be made, and what `body` throws.
    public static func with<T>(_ body: (PostgresTestDatabase) async throws -> T) async throws -> T {
        let database = try create()
        do {
            let result = try await body(database)
            try database.drop()
            return result
        } catch {
            try? database.drop()
            throw error
        }
    }

    private func psql(_ sql: String) throws {
        _ = try Self.psql(url: adminURL, sql)
    }

    private static func psql(url: String, _ sql: String) throws -> String {
        let output = try CommandRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
            in: FileManager.default.temporaryDirectory
        )
        guard output.status == 0 else {
            throw Failure(description: "psql failed (status \(output.status)) on '\(sql)': \(output.standardError)")
        }
        return output.standardOutput
    }
}
