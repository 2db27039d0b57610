import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded store's driver: one SQLite file in WAL mode.
///
/// GRDB's `DatabasePool` reads with several connections at once and writes with one. Writes
/// that arrive together share one transaction (``SQLiteGroupCommit``), committed with
/// `synchronous = FULL` in WAL mode, so each is on disk when its call returns.
struct SQLiteDriver: StoreDriver {
    /// The file.
    let path: String
    private let pool: DatabasePool
    private let groupCommit: SQLiteGroupCommit

    /// Opens (creating it, and its folder, when missing) and migrates a database file.
    ///
    /// - Parameter path: The file.
    /// - Throws: ``StoreError/unavailable(_:)`` when the file or folder cannot be made or
    ///   opened, ``StoreError/corrupt(_:)`` when it is not a Koers database.
    init(path: String) throws(StoreError) {
        self.path = path
        try Self.createFolders(for: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.openError(error, path: path)
        }
        groupCommit = SQLiteGroupCommit(pool: pool, path: path)
        do {
            try pool.write { db in try Self.migrate(db, path: path) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.openError(error, path: path)
        }
    }

    private static func migrate(_ db: Database, path: String) throws {
        try db.execute(sql: StoreMigrations.ledger)
        var recorded: [Int: String] = [:]
        for row in try Self.rows(StoreStatements.recordedMigrations, db) {
            recorded[try row.integer("position")] = try row.text("name")
        }
        for (position, migration) in try StoreMigrations.pending(
            recorded: recorded,
            known: StoreMigrations.sqlite,
            place: "database '\(path)'"
        ) {
            for statement in migration.statements { try db.execute(sql: statement) }
            _ = try Self.rows(StoreStatements.recordMigration(position: position, name: migration.name), db)
        }
    }

    /// Waits until the task is cancelled: SQLite needs no background work.
    func run() async throws {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }

    /// Reads one row to check the file is still usable.
    func ping() async throws(StoreError) {
        do {
            _ = try await read(StoreStatements.ping, what: "checking the database")
        } catch {
            guard case .store(let error) = error else { throw .unavailable("checking '\(path)' failed") }
            throw error
        }
    }

    func read(_ statement: StoreStatement, what: String) async throws(DriverError) -> [StoreRow] {
        do {
            return try await pool.read { db in try Self.rows(statement, db) }
        } catch {
            throw Self.driverError(error, what: what, path: path)
        }
    }

    /// Runs a write in the next group commit: durable when it returns.
    func write(_ write: StoreWrite) async throws(DriverError) -> [StoreRow] {
        try await groupCommit.write(write)
    }

    /// Runs one statement and reads its rows (none for most writes).
    ///
    /// The statement is prepared once per connection and kept (GRDB's statement cache): the
    /// store's statements are a fixed set of texts, and preparing one again for every answer
    /// costs more than running it.
    static func rows(_ statement: StoreStatement, _ db: Database) throws -> [StoreRow] {
        let arguments = StatementArguments(
            statement.binds.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                case .null: nil
                }
            }
        )
        return try Row.fetchAll(db.cachedStatement(sql: statement.sql), arguments: arguments).map { row throws(StoreError) in
            var columns: [(name: String, value: StoreValue)] = []
            columns.reserveCapacity(row.count)
            for (name, value) in row {
                switch value.storage {
                case .string(let text): columns.append((name, .text(text)))
                case .int64(let number): columns.append((name, .integer(Int(number))))
                case .null: columns.append((name, .null))
                case .double, .blob:
                    throw .corrupt("column \(name) holds \(value), which Koers does not write")
                }
            }
            return StoreRow(source: statement.table, columns: columns)
        }
    }

    /// GRDB's errors as driver errors: a constraint violation with the columns SQLite names,
    /// anything else as a ``StoreError``.
    static func driverError(_ error: any Error, what: String, path: String) -> DriverError {
        if let error = error as? StoreError { return .store(error) }
        guard let error = error as? DatabaseError else {
            return .store(.corrupt("\(what) in '\(path)' read something Koers did not write: \(error)"))
        }
        let message = error.message ?? "\(error)"
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            if error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                return .violation(.foreignKey(name: nil), detail: message)
            }
            // "UNIQUE constraint failed: coaches.email_key" (one or more table.column).
            let columns = message.split(separator: ":", maxSplits: 1).dropFirst().first.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            return .violation(.unique(name: nil, columns: columns ?? []), detail: message)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .store(.corrupt("'\(path)' is damaged (\(message)); restore it from a backup"))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .store(.unavailable("'\(path)' is locked by another program; stop it, or give another database"))
        default:
            return .store(.unavailable("\(what) in '\(path)' failed: \(message)"))
        }
    }

    private static func openError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .unavailable("cannot open database '\(path)': \(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .corrupt(
                "'\(path)' is not a SQLite database (\(error.message ?? "file is not a database")); "
                    + "give the path of a Koers database, or a new path to start one"
            )
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("database '\(path)' is locked by another program; stop it, or give another database")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_IOERR:
            return .unavailable(
                "cannot open database '\(path)': \(error.message ?? "\(error)"); "
                    + "check that the file and its folder exist and that you may write to them"
            )
        default:
            return .unavailable("cannot open database '\(path)': \(error.message ?? "\(error)")")
        }
    }

    /// Makes the folders of `path` that are missing, one by one, so that a failure names the
    /// folder and the system's reason.
    private static func createFolders(for path: String) throws(StoreError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
        var current = URL(fileURLWithPath: "/")
        for component in folder.pathComponents.dropFirst() {
            current.appendPathComponent(component)
            var status = stat()
            if stat(current.path, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw .unavailable(
                        "cannot open database '\(path)': '\(current.path)' is not a folder; give another path"
                    )
                }
                continue
            }
            if mkdir(current.path, 0o755) != 0, errno != EEXIST {
                throw .unavailable(
                    "cannot create the folder '\(current.path)' for database '\(path)': "
                        + "\(String(cString: strerror(errno))); give a path in a folder you may write to"
                )
            }
        }
    }
}
