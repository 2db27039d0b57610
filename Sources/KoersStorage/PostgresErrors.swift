import PostgresNIO

/// PostgresNIO's errors as ``StoreError``s: constraint violations as duplicates or missing
/// records, everything about reaching the server as unavailable, naming the host and database
/// but never the password.
enum PostgresErrors {
    static func storeError(
        _ error: any Error,
        what: String,
        place: String,
        duplicates: [String: String] = [:],
        references: [String: String] = [:]
    ) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? PSQLError else {
            return .unavailable(
                "cannot reach PostgreSQL at \(place) while \(what): \(Self.reason("\(error)")); check that the server "
                    + "runs and that the host and port in the URL are right"
            )
        }
        if error.code == .server, let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error"
            let constraint = info[.constraintName] ?? ""
            switch state {
            case "23505":
                return .duplicate(duplicates[constraint] ?? "\(what): \(message)")
            case "23503":
                return .notFound(references[constraint] ?? "\(what): \(message)")
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
