import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The shared store's driver: a PostgreSQL database that several server instances use at once.
///
/// Queries are parameterised; a session update checks the revision in its `WHERE` clause, so of
/// two instances saving the same revision one wins and the other gets
/// ``StoreError/conflict(expected:actual:)``. Each write is one statement or one transaction,
/// committed (PostgreSQL's `synchronous_commit` default: on disk) before the call returns.
///
/// The connection pool works only while ``run()`` runs, in a task that lives as long as the store
/// is used; once that task is cancelled the store answers ``StoreError/unavailable(_:)``.
final class PostgresDriver: StoreDriver {
    private let client: PostgresClient
    private let logger: Logger
    private let place: String
    private let running = Mutex(false)
    private let connectionConfiguration: PostgresConnection.Configuration

    /// Connects to the database once to check it and bring its schema up to date, then makes the
    /// pool the store uses.
    ///
    /// - Parameters:
    ///   - url: `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=disable|prefer|require`.
    ///   - logger: Where the store and the pool log.
    /// - Throws: ``StoreError/invalidURL(_:)``, ``StoreError/unavailable(_:)`` naming the host
    ///   (never the password), ``StoreError/corrupt(_:)`` for a schema of a newer Koers.
    init(url: String, logger: Logger) async throws(StoreError) {
        let parsed = try PostgresURL(parsing: url)
        self.place = parsed.place
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS
        let connectionTLS: PostgresConnection.Configuration.TLS
        switch parsed.tls {
        case .disable:
            tls = .disable
            connectionTLS = .disable
        case .prefer, .require:
            do {
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                connectionTLS = parsed.tls == .require ? .require(context) : .prefer(context)
            } catch {
                throw .unavailable("cannot set up TLS for \(parsed.place): \(error); add ?sslmode=disable to the URL")
            }
            tls = parsed.tls == .require ? .require(.makeClientConfiguration()) : .prefer(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password,
            database: parsed.database,
            tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 10
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)

        var connectionConfiguration = PostgresConnection.Configuration(
            host: parsed.host,
            port: parsed.port,
            username: parsed.username,
            password: parsed.password,
            database: parsed.database,
            tls: connectionTLS
        )
        connectionConfiguration.options.connectTimeout = .seconds(10)
        self.connectionConfiguration = connectionConfiguration
        try await Self.migrate(connectionConfiguration, place: parsed.place, logger: logger)
    }

    /// A number of PostgreSQL's advisory locks that only Koers' migrations take.
    private static let migrationLock: Int64 = 0x4B6F_6572_73_01

    private static func migrate(
        _ configuration: PostgresConnection.Configuration,
        place: String,
        logger: Logger
    ) async throws(StoreError) {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw PostgresErrors.storeError(error, what: "connecting", place: place)
        }
        do {
            try await connection.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
                try await connection.query(PostgresQuery(unsafeSQL: StoreMigrations.ledger), logger: logger)
                var recorded: [Int: String] = [:]
                let ledger = try await Self.rows(StoreStatements.recordedMigrations) {
                    try await connection.query($0, logger: logger)
                }
                for row in ledger {
                    recorded[try row.integer("position")] = try row.text("name")
                }
                for (position, migration) in try StoreMigrations.pending(
                    recorded: recorded,
                    known: StoreMigrations.postgres,
                    place: "database \(place)"
                ) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    _ = try await Self.rows(
                        StoreStatements.recordMigration(position: position, name: migration.name)
                    ) { try await connection.query($0, logger: logger) }
                    logger.info("storage: applied schema step \(position) '\(migration.name)' to \(place)")
                }
            }
        } catch {
            try? await connection.close()
            throw PostgresErrors.storeError(error, what: "setting up the schema", place: place)
        }
        try? await connection.close()
    }

    /// Runs the connection pool until the task is cancelled.
    ///
    /// The pool runs once: a second call only waits for its own cancellation.
    func run() async throws {
        let first = running.withLock { started in
            defer { started = true }
            return !started
        }
        if first {
            await client.run()
        } else {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
    }

    /// Runs `SELECT 1`: through the pool while ``run()`` runs, else on a connection of its own
    /// (the pool would wait for ``run()``).
    func ping() async throws(StoreError) {
        if running.withLock({ $0 }) {
            do {
                _ = try await read(StoreStatements.ping, what: "checking the database")
                return
            } catch {
                guard case .store(let error) = error else { throw .unavailable("checking \(place) failed") }
                throw error
            }
        }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                configuration: connectionConfiguration,
                id: 2,
                logger: logger
            )
        } catch {
            throw PostgresErrors.storeError(error, what: "connecting", place: place)
        }
        do {
            _ = try await connection.query("SELECT 1", logger: logger).collect()
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresErrors.storeError(error, what: "checking the database", place: place)
        }
    }

    func read(_ statement: StoreStatement, what: String) async throws(DriverError) -> [StoreRow] {
        do {
            return try await Self.rows(statement) { try await client.query($0, logger: logger) }
        } catch {
            throw PostgresErrors.driverError(error, what: what, place: place)
        }
    }

    /// Runs a write, committed before it returns.
    ///
    /// One statement runs on its own (PostgreSQL commits it), several in one transaction
    /// (postgres-nio's `withTransaction`). The server's `synchronous_commit` default waits for
    /// the write-ahead log on disk.
    func write(_ write: StoreWrite) async throws(DriverError) -> [StoreRow] {
        let logger = logger
        do {
            if write.statements.count == 1, let statement = write.statements.first {
                return try await Self.rows(statement) { try await client.query($0, logger: logger) }
            }
            return try await client.withTransaction(logger: logger) { connection in
                var rows: [StoreRow] = []
                for statement in write.statements {
                    rows = try await Self.rows(statement) { try await connection.query($0, logger: logger) }
                }
                return rows
            }
        } catch {
            throw PostgresErrors.driverError(error, what: write.what, place: place)
        }
    }

    private static func query(_ statement: StoreStatement) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: statement.binds.count)
        for value in statement.binds {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: StoreDialect.postgres.text(statement.sql), binds: bindings)
    }

    /// Runs a statement through `run` (the pool, or a connection in a transaction) and reads
    /// its rows.
    private static func rows(
        _ statement: StoreStatement,
        _ run: (PostgresQuery) async throws -> PostgresRowSequence
    ) async throws -> [StoreRow] {
        try await run(query(statement)).collect().map { row in try storeRow(row, table: statement.table) }
    }

    /// A row with its values as the schema holds them: text, integers and `NULL`.
    private static func storeRow(_ row: PostgresRow, table: String) throws -> StoreRow {
        var columns: [(name: String, value: StoreValue)] = []
        for cell in row {
            if cell.bytes == nil {
                columns.append((cell.columnName, .null))
            } else if cell.dataType == .int8 || cell.dataType == .int4 || cell.dataType == .int2 {
                columns.append((cell.columnName, .integer(try cell.decode(Int.self))))
            } else {
                columns.append((cell.columnName, .text(try cell.decode(String.self))))
            }
        }
        return StoreRow(source: table, columns: columns)
    }
}
