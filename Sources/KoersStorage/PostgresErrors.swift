import PostgresNIO

/// PostgresNIO's errors as driver errors: constraint violations with the constraint's name,
/// everything about reaching the server as unavailable, naming the host and database but never
/// the password.
enum PostgresErrors {
    /// A violation of a UNIQUE or FOREIGN KEY constraint as such, anything else as
    /// ``storeError(_:what:place:)`` says it.
    static func driverError(_ error: any Error, what: String, place: String) -> DriverError {
        if let error = error as? PostgresTransactionError {
            // The work's own error first: a violation inside the transaction, or a StoreError.
            if let cause = error.closureError ?? error.beginError ?? error.commitError {
                return driverError(cause, what: what, place: place)
            }
        }
        if let error = error as? DriverError { return error }
        if let error = error as? PSQLError, error.code == .server, let info = error.serverInfo {
            let message = info[.message] ?? "a constraint failed"
            switch info[.sqlState] {
            case "23505": return .violation(.unique(name: info[.constraintName], columns: []), detail: message)
            case "23503": return .violation(.foreignKey(name: info[.constraintName]), detail: message)
            default: break
            }
        }
        if let error = error as? PostgresDecodingError {
            return .store(.corrupt("a row holds something Koers did not write: \(String(reflecting: error))"))
        }
        return .store(storeError(error, what: what, place: place))
    }

    /// Any PostgresNIO error as a ``StoreError``.
    static func storeError(_ error: any Error, what: String, place: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PostgresTransactionError,
            let cause = error.closureError ?? error.beginError ?? error.commitError
        {
            return storeError(cause, what: what, place: place)
        }
        guard let error = error as? PSQLError else {
            return .unavailable(
                "cannot reach PostgreSQL at \(place) while \(what): \(Self.reason("\(error)")); check that the server "
                    + "runs and that the host and port in the URL are right"
            )
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error"
            switch state {
            case "23505":
                return .duplicate("\(what): \(message)")
            case "23503":
                return .notFound("\(what): \(message)")
            case "28P01", "28000":
                return .unavailable(
                    "PostgreSQL at \(place) refused the login (\(message)); check the user and password in the URL"
                )
            case "3D000":
                return .unavailable(
                    "PostgreSQL at \(place): \(message); create it first (createdb), or fix the database name in the URL"
                )
            case "42501":
                return .unavailable(
                    "PostgreSQL at \(place): \(message); grant the user the rights to create tables in the database"
                )
            default:
                if state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53") {
                    return .unavailable("PostgreSQL at \(place) is not available (\(message)); try again later")
                }
                return .unavailable("\(what) on PostgreSQL at \(place) failed: \(message) (SQLSTATE \(state))")
            }
        }
        if error.code == .sslUnsupported {
            return .unavailable(
                "PostgreSQL at \(place) does not offer TLS, which sslmode=require asks for; turn on ssl in the "
                    + "server's configuration, or use sslmode=prefer or sslmode=disable in the URL"
            )
        }
        let reason = Self.reason(error.underlying.map { "\($0)" } ?? "\(error.code)")
        return .unavailable(
            "cannot reach PostgreSQL at \(place) while \(what): \(reason); check that the server runs and that "
                + "the host and port in the URL are right"
        )
    }

    /// The part of a network error a person can act on.
    private static func reason(_ text: String) -> String {
        let known = [
            ("Connection refused", "the connection was refused"),
            ("connectTimeout", "the connection timed out"),
            ("timed out", "the connection timed out"),
            ("No address associated", "the host name is not known"),
            ("Name or service not known", "the host name is not known"),
            ("resolve", "the host name is not known"),
            ("connectionCreationCircuitBreakerTripped", "no connection could be made for some time"),
            ("poolShutdown", "the store was shut down"),
        ]
        return known.first { text.contains($0.0) }?.1 ?? text
    }
}
