/// Why a store operation failed: each case says what is wrong and, where the user can act, how
/// to fix it.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A record with the same key exists (an e-mail address, an id, a token hash).
    case duplicate(String)
    /// A record the operation needs does not exist.
    case notFound(String)
    /// The record was changed by someone else: it is at revision `actual`, not `expected`.
    case conflict(expected: Int, actual: Int)
    /// The database cannot be opened or reached, with the reason and how to fix it.
    case unavailable(String)
    /// The database holds something that is not what Koers wrote (not a database, a damaged
    /// document, a schema from a newer version).
    case corrupt(String)
    /// The database location given cannot be understood.
    case invalidURL(String)

    /// The message: what is wrong, then how to fix it.
    public var description: String {
        switch self {
        case .duplicate(let detail): "already exists: \(detail)"
        case .notFound(let detail): "not found: \(detail)"
        case .conflict(let expected, let actual):
            "the session was changed by someone else (it is at revision \(actual), not \(expected)); "
                + "reload it and make the change again"
        case .unavailable(let detail): "the database is unavailable: \(detail)"
        case .corrupt(let detail): "the database is damaged: \(detail)"
        case .invalidURL(let detail): "invalid database location: \(detail)"
        }
    }
}
