public import Logging

/// Opens the store at a location and brings its schema up to date.
///
/// For SQLite the file and its folder are created when missing. For PostgreSQL the database
/// must exist; its schema steps run under an advisory lock, so server instances that start
/// together migrate once.
///
/// - Parameters:
///   - location: Where the store is.
///   - logger: Where the store logs.
/// - Returns: The store; keep its ``KoersStore/run()`` running while you use it.
/// - Throws: ``StoreError`` saying what is wrong and how to fix it.
public func openStore(_ location: StoreLocation, logger: Logger) async throws(StoreError) -> any KoersStore {
    switch location {
    case .sqlite(let path):
        let store = SQLStore(driver: try SQLiteDriver(path: path))
        logger.info("storage: SQLite database \(path)")
        return store
    case .postgres(let url):
        let store = SQLStore(driver: try await PostgresDriver(url: url, logger: logger))
        logger.info("storage: PostgreSQL database \(PostgresURL.redacted(url))")
        return store
    }
}
